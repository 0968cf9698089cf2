package org.racetoplace.privacy;

import java.time.Instant;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 410: the candidate's personal data was erased, so there is nothing left to export. */
public class PersonalDataErasedException extends ErrorResponseException {

  /** The problem type of this answer; docs/api.md lists it. */
  public static final URI TYPE = URI.create("https://racetoplace.org/problems/personal-data-erased");

  public PersonalDataErasedException(String reference, Instant erasedAt) {
    super(HttpStatus.GONE, problem(reference, erasedAt), null);
  }

  private static ProblemDetail problem(String reference, Instant erasedAt) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.GONE, "The personal data of this application's candidate has been erased.");
    problem.setType(TYPE);
    problem.setTitle("Personal data erased");
    problem.setProperty("reference", reference);
    problem.setProperty("erasedAt", erasedAt.toString());
    return problem;
  }
}
