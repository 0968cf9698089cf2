package org.racetoplace.assessment;

import java.util.Set;
import org.racetoplace.platform.identity.HiringGroups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff enter an assessment result by hand (a test taken elsewhere, a provider without a webhook).
 * Signed in with HTTP Basic (the /api security chain); the roles are checked here because the
 * chain only knows "signed in".
 */
@RestController
class AssessmentResultController {

  /** Camunda groups (as roles) that may enter results. */
  private static final Set<String> RECORDING_ROLES =
      Set.of(
          "ROLE_" + HiringGroups.STAFF,
          "ROLE_" + HiringGroups.PROGRAM_MANAGERS,
          "ROLE_" + HiringGroups.ADMINS);

  private final AssessmentResultRequestReader reader;
  private final AssessmentResultService service;

  AssessmentResultController(AssessmentResultRequestReader reader, AssessmentResultService service) {
    this.reader = reader;
    this.service = service;
  }

  record RecordedResultResponse(long resultId, int scaledScore) {}

  /**
   * Stores the result and hands it to the waiting case: 201, 400 (every field problem), 403, 404
   * (unknown reference) or 409 (the case does not wait for a result); only 201 stores anything.
   */
  @PostMapping(
      path = "/api/applications/{reference}/assessment-results",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RecordedResultResponse> record(
      @PathVariable String reference, @RequestBody byte[] body, Authentication authentication) {
    // the role before the body: someone who may not record learns nothing about the rules
    if (!mayRecord(authentication)) {
      throw new AccessDeniedException("Only staff, program managers and admins record assessment results");
    }
    RecordedResult result = reader.readStaffResult(body);
    long resultId = service.record(reference, result, authentication.getName());
    int scaledScore = service.scoresFor(resultId).scaledScore();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new RecordedResultResponse(resultId, scaledScore));
  }

  private static boolean mayRecord(Authentication authentication) {
    return authentication != null
        && authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(RECORDING_ROLES::contains);
  }
}
