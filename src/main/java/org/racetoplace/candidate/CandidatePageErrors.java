package org.racetoplace.candidate;

import jakarta.servlet.http.HttpServletResponse;
import org.racetoplace.application.ApplicationNotFoundException;
import org.racetoplace.platform.web.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors of the candidates' pages as pages, never as JSON and never with a stack trace: a link
 * that does not open an application (unknown reference, wrong or missing token — the same page,
 * so a stranger learns nothing), too many requests (with {@code Retry-After}), a step that does
 * not fit the case any more (409: the problem's own words), and anything else as a plain apology
 * whose cause is in the log.
 */
@ControllerAdvice(assignableTypes = {CandidatePages.class, AssessmentPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CandidatePageErrors {

  private static final Logger log = LoggerFactory.getLogger(CandidatePageErrors.class);

  @ExceptionHandler(ApplicationNotFoundException.class)
  String linkNotValid(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "candidate/link-not-valid";
  }

  @ExceptionHandler(TooManyRequestsException.class)
  String tooManyRequests(TooManyRequestsException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.getRetryAfterSeconds()));
    model.addAttribute("retryAfterMinutes", Math.max(1, (e.getRetryAfterSeconds() + 59) / 60));
    return "candidate/too-many-requests";
  }

  /**
   * Our problems (409 and the like) and Spring's (404, 405 …) with their title and detail, as a
   * page; anything else as an apology whose cause is in the log.
   */
  @ExceptionHandler(Exception.class)
  String problem(Exception e, Model model, HttpServletResponse response) {
    if (!(e instanceof ErrorResponse error) || error.getStatusCode().is5xxServerError()) {
      log.error("Candidate page failed", e);
      response.setStatus(
          e instanceof ErrorResponse failed ? failed.getStatusCode().value() : HttpStatus.INTERNAL_SERVER_ERROR.value());
      model.addAttribute("title", "Something went wrong on our side");
      model.addAttribute(
          "detail", "Nothing you did caused this, and nothing you saved was lost. Please try again in a few minutes.");
      return "candidate/problem";
    }
    response.setStatus(error.getStatusCode().value());
    model.addAttribute("title", error.getBody().getTitle());
    model.addAttribute("detail", error.getBody().getDetail());
    return "candidate/problem";
  }
}
