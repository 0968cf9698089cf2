package org.racetoplace.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.racetoplace.platform.web.RateLimits.Action;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Applies {@link RateLimits} before a limited action reaches its controller, so a refused request
 * stores nothing. The 429 is an exception like any other: the API answers it as problem+json,
 * the candidates' pages with a page.
 *
 * <ul>
 *   <li>applications: {@code POST /api/applications}, and {@code POST /apply} when it submits
 *       (adding or removing a row of the form is not an application);
 *   <li>assessment: every {@code POST} and {@code PUT} of the built-in assessment, API and pages.
 * </ul>
 */
public class RateLimitInterceptor implements HandlerInterceptor {

  private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
  private static final PathPattern API_APPLICATIONS = PARSER.parse("/api/applications");
  private static final PathPattern APPLY_PAGE = PARSER.parse("/apply");
  private static final PathPattern API_ASSESSMENT = PARSER.parse("/api/applications/{reference}/assessment/**");
  private static final PathPattern PAGE_ASSESSMENT = PARSER.parse("/applications/{reference}/assessment/**");

  private final RateLimits limits;

  public RateLimitInterceptor(RateLimits limits) {
    this.limits = limits;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    actionOf(request).ifPresent(action -> limits.consume(action, request.getRemoteAddr()));
    return true;
  }

  static Optional<Action> actionOf(HttpServletRequest request) {
    String method = request.getMethod();
    if (!HttpMethod.POST.matches(method) && !HttpMethod.PUT.matches(method)) {
      return Optional.empty();
    }
    PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
    if (API_APPLICATIONS.matches(path)) {
      return Optional.of(Action.APPLICATION);
    }
    if (APPLY_PAGE.matches(path)) {
      boolean editsRows = request.getParameter("add") != null || request.getParameter("remove") != null;
      return editsRows ? Optional.empty() : Optional.of(Action.APPLICATION);
    }
    if (API_ASSESSMENT.matches(path) || PAGE_ASSESSMENT.matches(path)) {
      return Optional.of(Action.ASSESSMENT);
    }
    return Optional.empty();
  }
}
