package org.racetoplace.privacy;

import java.util.Set;
import org.racetoplace.platform.identity.HiringGroups;
import org.racetoplace.privacy.PersonalDataErasure.Erasure;
import org.racetoplace.privacy.PersonalDataErasure.Reason;
import org.racetoplace.privacy.PersonalDataExport.Export;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A candidate's data rights, exercised by staff on their behalf: {@code POST
 * /api/applications/{reference}/erasure} and {@code GET /api/applications/{reference}/personal-data}.
 * The /api chain makes callers sign in (401 otherwise); the role is checked here, before anything is
 * read or changed (403 for everyone but staff and admins).
 */
@RestController
class CandidateDataController {

  private static final Logger log = LoggerFactory.getLogger(CandidateDataController.class);

  private static final Set<String> ROLES = Set.of("ROLE_" + HiringGroups.STAFF, "ROLE_" + HiringGroups.ADMINS);

  private final PersonalDataErasure erasure;
  private final PersonalDataExport export;

  CandidateDataController(PersonalDataErasure erasure, PersonalDataExport export) {
    this.erasure = erasure;
    this.export = export;
  }

  /** Erases, or answers what the earlier erasure did ({@code alreadyErased: true}); 200 both times. */
  @PostMapping(path = "/api/applications/{reference}/erasure", produces = MediaType.APPLICATION_JSON_VALUE)
  Erasure erase(@PathVariable String reference, Authentication authentication) {
    requireStaff(authentication);
    Erasure result = erasure.erase(reference, authentication.getName(), Reason.REQUEST);
    if (!result.alreadyErased()) {
      log.info(
          "Personal data of {} erased by {} (applications {})",
          reference,
          authentication.getName(),
          result.erasedApplications());
    }
    return result;
  }

  @GetMapping(path = "/api/applications/{reference}/personal-data", produces = MediaType.APPLICATION_JSON_VALUE)
  Export personalData(@PathVariable String reference, Authentication authentication) {
    requireStaff(authentication);
    return export.export(reference);
  }

  private static void requireStaff(Authentication authentication) {
    boolean allowed =
        authentication != null
            && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ROLES::contains);
    if (!allowed) {
      throw new AccessDeniedException("Only staff and admins act on a candidate's data rights");
    }
  }
}
