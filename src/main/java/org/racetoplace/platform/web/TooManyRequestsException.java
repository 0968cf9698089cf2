package org.racetoplace.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429: the client used up its allowance for this kind of action; {@code Retry-After} says when to come back. */
public class TooManyRequestsException extends ErrorResponseException {

  private final long retryAfterSeconds;

  public TooManyRequestsException(long retryAfterSeconds) {
    super(HttpStatus.TOO_MANY_REQUESTS, problem(retryAfterSeconds), null);
    this.retryAfterSeconds = retryAfterSeconds;
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
  }

  private static ProblemDetail problem(long retryAfterSeconds) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many requests from your address. Nothing was stored; try again in "
                + retryAfterSeconds
                + " seconds.");
    problem.setType(ProblemTypes.TOO_MANY_REQUESTS);
    problem.setTitle("Too many requests");
    problem.setProperty("retryAfterSeconds", retryAfterSeconds);
    return problem;
  }

  public long getRetryAfterSeconds() {
    return retryAfterSeconds;
  }
}
