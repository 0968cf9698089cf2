package org.racetoplace.application;

import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 409: the email already has an active application in this community. The answer names the
 * existing reference (not its token) so the candidate can find their confirmation email.
 */
public class DuplicateApplicationException extends ErrorResponseException {

  private final String existingReference;

  public DuplicateApplicationException(String existingReference) {
    super(HttpStatus.CONFLICT, problem(existingReference), null);
    this.existingReference = existingReference;
  }

  private static ProblemDetail problem(String existingReference) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "There is already an active application with this email in this community. "
                + "Follow or withdraw it with the status token you received for it.");
    problem.setType(ProblemTypes.DUPLICATE_APPLICATION);
    problem.setTitle("Application already exists");
    problem.setProperty("existingReference", existingReference);
    return problem;
  }

  public String getExistingReference() {
    return existingReference;
  }
}
