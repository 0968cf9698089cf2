package org.racetoplace.matching;

import java.util.Set;
import org.racetoplace.platform.identity.HiringGroups;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may manage employers and openings and read match scores: staff, program managers and
 * admins. The /api security chain only knows "signed in"; the controllers check the role first,
 * before reading anything, so someone else learns nothing (403 problem+json).
 */
final class StaffAccess {

  private static final Set<String> ROLES =
      Set.of("ROLE_" + HiringGroups.STAFF, "ROLE_" + HiringGroups.PROGRAM_MANAGERS, "ROLE_" + HiringGroups.ADMINS);

  private StaffAccess() {}

  static void require(Authentication authentication) {
    boolean allowed =
        authentication != null
            && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ROLES::contains);
    if (!allowed) {
      throw new AccessDeniedException("Only staff, program managers and admins manage matching");
    }
  }
}
