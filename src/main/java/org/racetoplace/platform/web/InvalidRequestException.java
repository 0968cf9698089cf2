package org.racetoplace.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 400 with every field error of a request at once, so a client can fix them all in one round:
 * {@code {"title": ..., "errors": [{"field": "skills[0].level", "message": ...}]}}.
 */
public class InvalidRequestException extends ErrorResponseException {

  private final List<FieldProblem> errors;

  public InvalidRequestException(String title, List<FieldProblem> errors) {
    super(HttpStatus.BAD_REQUEST, problem(title, errors), null);
    this.errors = List.copyOf(errors);
  }

  private static ProblemDetail problem(String title, List<FieldProblem> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.size() == 1
                ? "1 field is invalid."
                : errors.size() + " fields are invalid.");
    problem.setType(ProblemTypes.INVALID_REQUEST);
    problem.setTitle(title);
    problem.setProperty("errors", List.copyOf(errors));
    return problem;
  }

  public List<FieldProblem> getErrors() {
    return errors;
  }
}
