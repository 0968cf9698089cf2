package org.racetoplace.assessment.builtin;

import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: the candidate's sitting has no item with this id. */
public class UnknownSittingItemException extends ErrorResponseException {

  public UnknownSittingItemException() {
    super(HttpStatus.NOT_FOUND, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The assessment has no question with this id.");
    problem.setType(ProblemTypes.NOT_FOUND);
    problem.setTitle("Question not found");
    return problem;
  }
}
