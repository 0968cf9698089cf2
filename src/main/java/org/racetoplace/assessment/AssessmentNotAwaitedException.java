package org.racetoplace.assessment;

import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 409: the case of the application does not wait for message {@code AssessmentCompleted} (not yet
 * in stage Assess, already past it, or ended). The result is not stored, so it can be sent again
 * once the case is there.
 */
public class AssessmentNotAwaitedException extends ErrorResponseException {

  static final String DETAIL = "The application is not waiting for an assessment result";

  public AssessmentNotAwaitedException(String reference, Throwable cause) {
    super(HttpStatus.CONFLICT, problem(reference), cause);
  }

  private static ProblemDetail problem(String reference) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, DETAIL);
    problem.setType(ProblemTypes.CONFLICT);
    problem.setTitle("Not waiting for an assessment result");
    problem.setProperty("reference", reference);
    return problem;
  }
}
