package org.racetoplace.application;

import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 404 for an unknown reference and for a wrong or missing status token alike: the answer must
 * not tell a stranger that a reference exists.
 */
public class ApplicationNotFoundException extends ErrorResponseException {

  public ApplicationNotFoundException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "No application matches this reference and status token.");
    problem.setType(ProblemTypes.NOT_FOUND);
    problem.setTitle("Application not found");
    return problem;
  }
}
