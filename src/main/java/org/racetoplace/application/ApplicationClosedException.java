package org.racetoplace.application;

import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the application already ended otherwise (placed, not advanced, expired). */
public class ApplicationClosedException extends ErrorResponseException {

  public ApplicationClosedException(String reference, ApplicationStatus status) {
    super(HttpStatus.CONFLICT, problem(reference, status), null);
  }

  private static ProblemDetail problem(String reference, ApplicationStatus status) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "This application is already closed and cannot be withdrawn.");
    problem.setType(ProblemTypes.CONFLICT);
    problem.setTitle("Application closed");
    problem.setProperty("reference", reference);
    problem.setProperty("status", status.name());
    return problem;
  }
}
