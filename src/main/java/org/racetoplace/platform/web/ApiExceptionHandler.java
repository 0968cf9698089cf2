package org.racetoplace.platform.web;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.racetoplace.platform.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our Spring MVC endpoints as {@code application/problem+json}: Spring's own
 * (404, 405, 415, …, via {@link ResponseEntityExceptionHandler}), ours ({@link
 * org.springframework.web.ErrorResponseException} subclasses carry their problem), unreadable
 * bodies (400, or 413 when the size limit cut the body off), and anything else as a 500 that
 * says nothing about the cause — the log has it.
 *
 * <p>Replaces Spring Boot's default problem-details handler (it backs off when a {@link
 * ResponseEntityExceptionHandler} bean exists). {@code /engine-rest} and the webapps are Jersey,
 * not Spring MVC, and keep their own error answers.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    RequestTooLargeException tooLarge = causeOfType(ex, RequestTooLargeException.class);
    if (tooLarge != null) {
      ProblemDetail problem = RequestSizeLimitFilter.tooLarge(tooLarge.getLimitBytes());
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }
    return ResponseEntity.badRequest().body(malformedJson());
  }

  /** 400 for a body that is not JSON at all, or not in the shape expected. */
  public static ProblemDetail malformedJson() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request body is not a valid JSON document.");
    problem.setType(ProblemTypes.MALFORMED_JSON);
    problem.setTitle("Malformed request");
    return problem;
  }

  /** Security decides these: rethrown so its filters answer 401 or 403. */
  @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
  void rethrowSecurity(RuntimeException ex) {
    throw ex;
  }

  /** Two requests changed the same application at once; the loser may simply retry. */
  @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockingException.class})
  ResponseEntity<ProblemDetail> concurrentChange(Exception ex) {
    log.info("Concurrent change answered with 409: {}", ex.toString());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT, "The resource was changed at the same time. Please try again.");
    problem.setType(ProblemTypes.CONFLICT);
    problem.setTitle("Concurrent change");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
    // one line per refused request: an outage refuses many, and the cause is the same for all
    log.warn("Database unavailable, answered 503: {}", ex.toString());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "The service is temporarily unavailable. Please try again later.");
    problem.setType(ProblemTypes.UNAVAILABLE);
    problem.setTitle("Service unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    if (DatabaseFailures.isUnavailable(ex)) {
      // a connection cut or refused below the engine or JPA (database restarting, pool timed
      // out inside a command): the same 503 as when no transaction could be started
      return databaseUnavailable(ex);
    }
    log.error("Unexpected error answering an API request", ex);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Please try again later.");
    problem.setType(ProblemTypes.INTERNAL_ERROR);
    problem.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(problem);
  }

  static <T extends Throwable> T causeOfType(Throwable ex, Class<T> type) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
