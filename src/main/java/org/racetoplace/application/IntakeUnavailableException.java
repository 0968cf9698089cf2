package org.racetoplace.application;

import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503: the engine refused to start a case (a program manager suspended the pipeline, e.g. during
 * a model change). Nothing was stored; the candidate can send the same application again later.
 */
public class IntakeUnavailableException extends ErrorResponseException {

  public IntakeUnavailableException(Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "We cannot accept applications right now. Nothing was stored; please try again later.");
    problem.setType(ProblemTypes.UNAVAILABLE);
    problem.setTitle("Applications paused");
    return problem;
  }
}
