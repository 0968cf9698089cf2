package org.racetoplace.vetting;

import org.racetoplace.application.ApplicationService;
import org.racetoplace.application.ApplicationService.StatusView;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The candidate answers a vetter's question (public, like the status and withdrawal: the status
 * token in header {@code X-Status-Token} or {@code ?token=} proves who they are).
 */
@RestController
class CandidateUpdateController {

  static final String TOKEN_HEADER = "X-Status-Token";

  private final CandidateUpdateRequestReader reader;
  private final CandidateUpdateService updates;
  private final ApplicationService applications;

  CandidateUpdateController(
      CandidateUpdateRequestReader reader, CandidateUpdateService updates, ApplicationService applications) {
    this.reader = reader;
    this.updates = updates;
    this.applications = applications;
  }

  /**
   * 202 with the new status, 400 (the body; it says nothing about the reference), 404 (unknown
   * reference or wrong token), 409 (no question is waiting for an answer). Only 202 stores.
   */
  @PostMapping(
      path = "/api/applications/{reference}/updates",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<StatusView> send(
      @PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
      @RequestParam(name = "token", required = false) String queryToken,
      @RequestBody byte[] body) {
    String message = reader.readMessage(body);
    String token = headerToken != null && !headerToken.isBlank() ? headerToken.trim() : queryToken;
    updates.receive(reference, token, message);
    StatusView view = applications.status(reference, token);
    return ResponseEntity.accepted().cacheControl(CacheControl.noStore()).body(view);
  }
}
