package org.racetoplace.matching;

import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 for an employer partner slug that does not exist. */
public class EmployerNotFoundException extends ErrorResponseException {

  public EmployerNotFoundException(String slug) {
    super(HttpStatus.NOT_FOUND, problem(slug), null);
  }

  private static ProblemDetail problem(String slug) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No employer partner '" + slug + "'.");
    problem.setType(ProblemTypes.NOT_FOUND);
    problem.setTitle("Employer partner not found");
    return problem;
  }
}
