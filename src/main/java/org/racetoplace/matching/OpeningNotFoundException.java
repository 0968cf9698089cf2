package org.racetoplace.matching;

import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 for an opening id that does not exist. */
public class OpeningNotFoundException extends ErrorResponseException {

  public OpeningNotFoundException(long openingId) {
    super(HttpStatus.NOT_FOUND, problem(openingId), null);
  }

  private static ProblemDetail problem(long openingId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No job opening with id " + openingId + ".");
    problem.setType(ProblemTypes.NOT_FOUND);
    problem.setTitle("Opening not found");
    return problem;
  }
}
