package org.racetoplace.reports;

import java.util.Set;
import org.racetoplace.platform.identity.HiringGroups;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who may read the pilot-evaluation reports: staff, program managers and admins. The reports are
 * aggregates, but the fairness figures are built from self-identification, so nobody else sees
 * them — not vetters, interviewers or employers.
 */
final class ReportReaders {

  private static final Set<String> ROLES =
      Set.of(
          "ROLE_" + HiringGroups.STAFF,
          "ROLE_" + HiringGroups.PROGRAM_MANAGERS,
          "ROLE_" + HiringGroups.ADMINS);

  private ReportReaders() {}

  /**
   * @throws AccessDeniedException for everyone else; the security chain answers 403
   */
  static void check(Authentication authentication) {
    boolean allowed =
        authentication != null
            && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(ROLES::contains);
    if (!allowed) {
      throw new AccessDeniedException("Only staff, program managers and admins read the pilot reports");
    }
  }
}
