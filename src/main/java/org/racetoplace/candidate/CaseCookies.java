package org.racetoplace.candidate;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.racetoplace.application.ApplicationNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * How the candidate's pages remember which application the browser may open, without a server
 * session (any node of a cluster answers): the status link from the confirmation email carries
 * the secret status token once; the page checks it, puts it in a cookie scoped to that
 * application's pages ({@code /applications/{reference}}) and redirects to the same address
 * without the token, so it leaves the address bar and the browser history.
 *
 * <p>The cookie is {@code HttpOnly} (no script reads it), {@code SameSite=Lax} (sent when the
 * candidate follows a link to the page, never with another site's form posts), {@code Secure}
 * over HTTPS, and lasts until the browser closes: on a shared computer in a library the next
 * person finds nothing, and the candidate comes back through the link in their email.
 */
final class CaseCookies {

  static final String NAME = "rtp-case";

  private CaseCookies() {}

  static String pathOf(String reference) {
    return "/applications/" + reference;
  }

  static void remember(HttpServletRequest request, HttpServletResponse response, String reference, String token) {
    ResponseCookie cookie =
        ResponseCookie.from(NAME, token)
            .path(request.getContextPath() + pathOf(reference))
            .httpOnly(true)
            .secure(request.isSecure())
            .sameSite("Lax")
            .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }

  /**
   * The token this browser holds for the application.
   *
   * @throws ApplicationNotFoundException none: the page then says to open the email's link, as
   *     it does for a wrong token, so a stranger learns nothing about the reference
   */
  static String tokenFor(HttpServletRequest request) {
    return find(request).orElseThrow(ApplicationNotFoundException::new);
  }

  private static Optional<String> find(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    // the browser sends only the cookie whose path covers this application's pages
    for (Cookie cookie : cookies) {
      if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }
}
