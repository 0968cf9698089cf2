package org.racetoplace.privacy;

import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no application has this reference. Only staff get this far, so the reference is named. */
public class UnknownReferenceException extends ErrorResponseException {

  public UnknownReferenceException(String reference) {
    super(HttpStatus.NOT_FOUND, problem(reference), null);
  }

  private static ProblemDetail problem(String reference) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No application has this reference.");
    problem.setType(ProblemTypes.NOT_FOUND);
    problem.setTitle("Application not found");
    problem.setProperty("reference", reference);
    return problem;
  }
}
