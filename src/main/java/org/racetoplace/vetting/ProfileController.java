package org.racetoplace.vetting;

import java.util.Set;
import java.util.stream.Collectors;
import org.racetoplace.assessment.UnknownApplicationException;
import org.racetoplace.platform.identity.HiringGroups;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anonymized profile as JSON, for the people who review candidates: the vetters of the
 * application's community, interviewers, staff, program managers and admins. Signed in with HTTP
 * Basic (the /api chain); the roles ({@code ROLE_<camunda group>}) are checked here, because only
 * the application tells which vetters group may read it.
 */
@RestController
class ProfileController {

  private static final String ROLE = "ROLE_";
  private static final Set<String> READING_ROLES =
      Set.of(
          ROLE + HiringGroups.INTERVIEWERS,
          ROLE + HiringGroups.STAFF,
          ROLE + HiringGroups.PROGRAM_MANAGERS,
          ROLE + HiringGroups.ADMINS);

  private final AnonymizedProfiles profiles;

  ProfileController(AnonymizedProfiles profiles) {
    this.profiles = profiles;
  }

  /** 200 with the profile, 401, 403 (also a vetter of another community) or 404. */
  @GetMapping(path = "/api/applications/{reference}/profile", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CandidateProfile> profile(@PathVariable String reference, Authentication authentication) {
    Set<String> roles = roles(authentication);
    boolean readsAll = roles.stream().anyMatch(READING_ROLES::contains);
    // someone who may read no profile at all learns nothing, not even whether the reference exists
    if (!readsAll && roles.stream().noneMatch(role -> HiringGroups.isVetters(role.substring(ROLE.length())))) {
      throw new AccessDeniedException("Only reviewers read candidate profiles");
    }
    String community =
        profiles.communityOf(reference).orElseThrow(() -> new UnknownApplicationException(reference));
    if (!readsAll && !roles.contains(ROLE + HiringGroups.vetters(community))) {
      throw new AccessDeniedException("Vetters read the profiles of their own community only");
    }
    CandidateProfile profile =
        profiles.profileOf(reference).orElseThrow(() -> new UnknownApplicationException(reference));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(profile);
  }

  private static Set<String> roles(Authentication authentication) {
    if (authentication == null) {
      return Set.of();
    }
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(ROLE))
        .collect(Collectors.toSet());
  }
}
