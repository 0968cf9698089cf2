package org.racetoplace.matching;

import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 409 for an edit that would leave an opening fewer positions than it has filled: the placements
 * stand, so the request can only succeed with at least that many. The problem names the field and
 * the number filled ({@code "field": "positions", "filled": 2}).
 */
public class TooFewPositionsException extends ErrorResponseException {

  public TooFewPositionsException(long openingId, int filled, int requested) {
    super(HttpStatus.CONFLICT, problem(openingId, filled, requested), null);
  }

  private static ProblemDetail problem(long openingId, int filled, int requested) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            "Opening "
                + openingId
                + " has "
                + filled
                + " of its positions filled; it cannot have fewer than "
                + filled
                + " positions (asked for "
                + requested
                + "). Nothing was changed.");
    problem.setType(ProblemTypes.CONFLICT);
    problem.setTitle("Edit refused");
    problem.setProperty("field", "positions");
    problem.setProperty("filled", filled);
    return problem;
  }
}
