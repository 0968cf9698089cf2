package org.racetoplace.assessment;

import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no application has this reference. Only signed-in staff get to ask, so it may say so. */
public class UnknownApplicationException extends ErrorResponseException {

  public UnknownApplicationException(String reference) {
    super(HttpStatus.NOT_FOUND, problem(reference), null);
  }

  private static ProblemDetail problem(String reference) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No application has the reference " + reference + ".");
    problem.setType(ProblemTypes.NOT_FOUND);
    problem.setTitle("Application not found");
    return problem;
  }
}
