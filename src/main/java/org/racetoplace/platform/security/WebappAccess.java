package org.racetoplace.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.function.Supplier;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Closes a gap in the webapps' own rules: Camunda lets anyone logged in to any webapp call the
 * Cockpit and Admin plugin APIs (the data is filtered by authorizations, but the API answers).
 * Here a request to an app's API needs the same application access the app's pages need, read
 * from the webapps' own session login — so a vetter logged in to Tasklist gets 403 from Cockpit's
 * API.
 */
final class WebappAccess implements AuthorizationManager<RequestAuthorizationContext> {

  private final String engine;
  private final String app;

  private WebappAccess(String engine, String app) {
    this.engine = engine;
    this.app = app;
  }

  static WebappAccess requiresApp(String engine, String app) {
    return new WebappAccess(engine, app);
  }

  @Override
  public AuthorizationDecision check(
      Supplier<org.springframework.security.core.Authentication> springAuthentication,
      RequestAuthorizationContext context) {
    return new AuthorizationDecision(hasAppAccess(context.getRequest()));
  }

  private boolean hasAppAccess(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return false;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return false;
    }
    Authentication authentication = authentications.getAuthenticationForProcessEngine(engine);
    return authentication instanceof UserAuthentication user
        && user.getAuthorizedApps() != null
        && user.getAuthorizedApps().contains(app);
  }
}
