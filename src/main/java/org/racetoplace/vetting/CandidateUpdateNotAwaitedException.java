package org.racetoplace.vetting;

import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 409: the application is not waiting for information from the candidate (nobody asked, or the
 * answer came already, or the case moved on). Nothing is stored.
 */
public class CandidateUpdateNotAwaitedException extends ErrorResponseException {

  static final String DETAIL = "The application is not waiting for information from you";

  public CandidateUpdateNotAwaitedException(Throwable cause) {
    super(HttpStatus.CONFLICT, problem(), cause);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, DETAIL);
    problem.setType(ProblemTypes.CONFLICT);
    problem.setTitle("Not waiting for an update");
    return problem;
  }
}
