package org.racetoplace.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies on our JSON API. A declared Content-Length over the limit gets 413 before
 * a byte is read; a body without one (chunked) is read through a stream that fails once it passes
 * the limit, which {@link ApiExceptionHandler} turns into the same 413.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final long limitBytes;
  private final ObjectMapper objectMapper;

  public RequestSizeLimitFilter(long limitBytes, ObjectMapper objectMapper) {
    this.limitBytes = limitBytes;
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return HttpMethod.GET.matches(method)
        || HttpMethod.HEAD.matches(method)
        || HttpMethod.OPTIONS.matches(method);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limitBytes) {
      writeTooLarge(request, response);
      return;
    }
    chain.doFilter(new LimitedRequest(request, limitBytes), response);
  }

  private void writeTooLarge(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ProblemDetail problem = tooLarge(limitBytes);
    problem.setInstance(java.net.URI.create(request.getRequestURI()));
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }

  static ProblemDetail tooLarge(long limitBytes) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "The request body is larger than " + (limitBytes / 1024) + " KB.");
    problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
    problem.setTitle("Request too large");
    return problem;
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limitBytes;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limitBytes) {
      super(request);
      this.limitBytes = limitBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedInputStream(super.getInputStream(), limitBytes);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private final long limitBytes;
    private long read;

    LimitedInputStream(ServletInputStream delegate, long limitBytes) {
      this.delegate = delegate;
      this.limitBytes = limitBytes;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws RequestTooLargeException {
      read += n;
      if (read > limitBytes) {
        throw new RequestTooLargeException(limitBytes);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
