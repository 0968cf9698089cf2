package org.racetoplace.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks credentials against the Camunda identity service, so a person has one account for
 * Tasklist, Cockpit, {@code /engine-rest} and our own endpoints. Each Camunda group becomes the
 * role of the same name ({@code admins} → {@code ROLE_admins}). The engine's login throttling
 * applies to failed attempts here too.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (user == null || user.isBlank() || credentials == null
        || !identityService.checkPassword(user, credentials.toString())) {
      throw new BadCredentialsException("Bad credentials");
    }
    List<GrantedAuthority> roles =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .<GrantedAuthority>map(id -> new SimpleGrantedAuthority("ROLE_" + id))
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
