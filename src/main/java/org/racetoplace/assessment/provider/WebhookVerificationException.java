package org.racetoplace.assessment.provider;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 401: a delivery to {@code /api/assessment-results/{provider}} that is not a verified Standard
 * Webhooks message — a header missing or malformed, a timestamp outside the tolerance, or no valid
 * signature. An unknown provider gets the very answer of a wrong signature, so the endpoint does
 * not tell which providers exist. Nothing is stored.
 */
public class WebhookVerificationException extends ErrorResponseException {

  /** Stable problem type clients may branch on. */
  public static final URI TYPE = URI.create("https://racetoplace.org/problems/invalid-webhook");

  /** Why a delivery was refused; the log says it, and (except which provider) so does the answer. */
  public enum Reason {
    MISSING_HEADER,
    MALFORMED_HEADER,
    TIMESTAMP_OUT_OF_TOLERANCE,
    NO_VALID_SIGNATURE
  }

  private final Reason reason;

  WebhookVerificationException(Reason reason, String detail) {
    super(HttpStatus.UNAUTHORIZED, problem(detail), null);
    this.reason = reason;
  }

  private static ProblemDetail problem(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
    problem.setType(TYPE);
    problem.setTitle("Webhook not verified");
    return problem;
  }

  public Reason getReason() {
    return reason;
  }
}
