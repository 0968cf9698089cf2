package org.racetoplace.platform.web;

import java.io.IOException;

/**
 * Thrown while reading a request body that turns out longer than the limit (chunked bodies carry
 * no Content-Length to check up front). An {@link IOException}, because it surfaces from a
 * stream read; {@link ApiExceptionHandler} finds it in the cause chain and answers 413.
 */
public class RequestTooLargeException extends IOException {

  private final long limitBytes;

  public RequestTooLargeException(long limitBytes) {
    super("Request body exceeds " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  public long getLimitBytes() {
    return limitBytes;
  }
}
