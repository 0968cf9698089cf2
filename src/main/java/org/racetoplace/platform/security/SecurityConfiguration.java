package org.racetoplace.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.racetoplace.platform.identity.HiringGroups;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who guards which path.
 *
 * <ul>
 *   <li>{@code /engine-rest/**}: Camunda's own authentication filter (HTTP Basic against the
 *       identity service) sets the engine's authentication, so authorization checks apply to every
 *       REST call; no credentials → 401.
 *   <li>{@code /camunda/**} (Cockpit, Tasklist, Admin): the webapps' own session login, CSRF
 *       filter and security headers; Spring Security only adds that the Cockpit and Admin plugin
 *       APIs need access to that app ({@link WebappAccess}).
 *   <li>{@code /actuator/**}: health is public (load balancers, compose); everything else needs
 *       an admin.
 *   <li>{@code /api/**}: candidates' endpoints public (status token checked by the controller),
 *       the rest HTTP Basic; 401/403 as problem+json.
 *   <li>the candidates' pages ({@code /}, {@code /apply}, {@code /applications/…}): public,
 *       CSRF tokens, strict security headers.
 *   <li>everything else (staff pages): HTTP Basic against the identity service (realm {@code
 *       race-to-place}, as on /api), the same strict headers; the static files of the staff
 *       pages ({@code /webjars/**}, {@code /staff/*.js}, {@code /staff/*.css}) are public; an
 *       anonymous visitor to an address outside {@code /staff} gets "Page not found" (404).
 * </ul>
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

  // Path patterns on the whole request path: /engine-rest and /camunda are served by Jersey
  // servlets, not by Spring MVC, so MVC-based matchers would never match them.
  private static final RequestMatcher ENGINE_REST = path("/engine-rest/**");
  private static final RequestMatcher WEBAPPS = path("/camunda/**");

  /** The one engine this application runs. */
  private static final String ENGINE = "default";

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    // after Spring Security's filter chain proxy (-100)
    registration.setOrder(0);
    return registration;
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
    // authentication and authorization are the engine's (see engineRestAuthentication);
    // a stateless Basic-auth API needs no CSRF token; Spring's security headers stay on
    return http.securityMatcher(ENGINE_REST)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappsChain(HttpSecurity http) throws Exception {
    // the webapps bring their own login, CSRF prevention and header filter (CSP, HSTS, nosniff);
    // two sets of headers would disagree, so Spring's are off here
    return http.securityMatcher(WEBAPPS)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(path("/camunda/api/cockpit/plugin/{plugin}/static/**"))
                    .permitAll()
                    .requestMatchers(path("/camunda/api/cockpit/plugin/{plugin}/{engine}/**"))
                    .access(WebappAccess.requiresApp(ENGINE, "cockpit"))
                    .requestMatchers(path("/camunda/api/admin/plugin/{plugin}/static/**"))
                    .permitAll()
                    .requestMatchers(path("/camunda/api/admin/plugin/{plugin}/{engine}/**"))
                    .access(WebappAccess.requiresApp(ENGINE, "admin"))
                    // everything else: the webapps' own rules (login, EngineRequestAuthorizer)
                    .anyRequest()
                    .permitAll())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                    .permitAll()
                    .anyRequest()
                    .hasRole(HiringGroups.ADMINS))
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .build();
  }

  /**
   * Our JSON API. Candidates' endpoints are public: a candidate proves who they are with the
   * secret status token, which the controller checks. Everything else is for signed-in staff
   * (HTTP Basic; the controllers check roles). No cookies authenticate here, so no CSRF token.
   */
  @Bean
  @Order(4)
  SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(path("/api/**"))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(PUBLIC_API)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized()))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(ProblemResponses.unauthorized())
                    .accessDeniedHandler(ProblemResponses.forbidden()))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .build();
  }

  /** What a member of the public may call on /api. */
  private static final RequestMatcher PUBLIC_API =
      new OrRequestMatcher(
          PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/communities"),
          PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/applications"),
          PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/applications/{reference}"),
          PathPatternRequestMatcher.withDefaults()
              .matcher(HttpMethod.POST, "/api/applications/{reference}/withdraw"),
          PathPatternRequestMatcher.withDefaults()
              .matcher(HttpMethod.POST, "/api/applications/{reference}/updates"),
          // the built-in assessment: the candidate proves the application with its status token
          PathPatternRequestMatcher.withDefaults().matcher("/api/applications/{reference}/assessment"),
          PathPatternRequestMatcher.withDefaults().matcher("/api/applications/{reference}/assessment/**"),
          // assessment providers: every request is checked by its Standard Webhooks signature
          PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/assessment-results/{provider}"));

  /**
   * The candidates' pages: public, no server session (the case cookie and the CSRF cookie are all
   * the state), a CSRF token on every form, and strict headers — a Content-Security-Policy that
   * allows no inline script or style, no framing, no referrer (status links carry a token),
   * nosniff, and HSTS on every answer over HTTPS.
   */
  @Bean
  @Order(5)
  SecurityFilterChain candidatePagesChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(CANDIDATE_PAGES)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
        .headers(SecurityConfiguration::strictPageHeaders)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .build();
  }

  /** The pages of the public site, with its styles and scripts. */
  private static final RequestMatcher CANDIDATE_PAGES =
      new OrRequestMatcher(
          path("/"),
          path("/communities/**"),
          path("/apply"),
          path("/applications/**"),
          path("/css/**"),
          path("/js/**"),
          path("/images/**"),
          path("/favicon.ico"));

  /** Scripts, styles, images and forms from this site only; nothing inline, nothing framed. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
          + "base-uri 'none'; object-src 'none'";

  static void strictPageHeaders(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
        .frameOptions(frames -> frames.deny())
        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true));
  }

  /**
   * Who is asked to sign in: a visitor to a staff page gets the Basic prompt, in the realm of /api
   * (ProblemResponses), so a staff page that fetches /api with the credentials the browser already
   * holds is not asked a second time. Any other address that is not a candidates' page does not
   * exist for a visitor: the site's "Page not found" page, not a sign-in prompt that would puzzle a
   * candidate who mistyped a link and tell a stranger that something is behind it.
   */
  private static final AuthenticationEntryPoint STAFF_SIGN_IN = staffSignIn();

  private static AuthenticationEntryPoint staffSignIn() {
    BasicAuthenticationEntryPoint prompt = new BasicAuthenticationEntryPoint();
    prompt.setRealmName("race-to-place");
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byPath = new LinkedHashMap<>();
    byPath.put(path("/staff/**"), prompt);
    DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byPath);
    entryPoint.setDefaultEntryPoint(
        (request, response, refusal) -> response.sendError(HttpServletResponse.SC_NOT_FOUND));
    return entryPoint;
  }

  @Bean
  @Order(6)
  SecurityFilterChain applicationChain(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(path("/error"))
                    .permitAll()
                    // static files of the staff pages: scripts, styles, Chart.js (no data in them)
                    .requestMatchers(path("/webjars/**"), path("/staff/*.js"), path("/staff/*.css"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(STAFF_SIGN_IN))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(STAFF_SIGN_IN))
        .headers(SecurityConfiguration::strictPageHeaders)
        .requestCache(cache -> cache.disable())
        .build();
  }
}
