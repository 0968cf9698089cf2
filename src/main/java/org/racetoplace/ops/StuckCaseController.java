package org.racetoplace.ops;

import java.util.Set;
import org.racetoplace.platform.identity.HiringGroups;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ops/stuck-cases}: the stuck-case list beside Cockpit. The /api chain makes
 * callers sign in (401 otherwise); the role is checked here, before anything is read (403 for
 * everyone but staff, program managers and admins). Filters: {@code community} (id) and
 * {@code stage} ({@code Stage_Vet} or {@code vet}); an unknown value is a 400 with a field error.
 */
@RestController
class StuckCaseController {

  private static final Set<String> ROLES =
      Set.of(
          "ROLE_" + HiringGroups.STAFF,
          "ROLE_" + HiringGroups.PROGRAM_MANAGERS,
          "ROLE_" + HiringGroups.ADMINS);

  private final StuckCases stuckCases;

  StuckCaseController(StuckCases stuckCases) {
    this.stuckCases = stuckCases;
  }

  @GetMapping(path = "/api/ops/stuck-cases", produces = MediaType.APPLICATION_JSON_VALUE)
  StuckCaseReport stuckCases(
      @RequestParam(required = false) String community,
      @RequestParam(required = false) String stage,
      Authentication authentication) {
    boolean allowed =
        authentication != null
            && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ROLES::contains);
    if (!allowed) {
      throw new AccessDeniedException("Only staff, program managers and admins see stuck cases");
    }
    return stuckCases.report(community, stage);
  }
}
