package org.racetoplace.application;

import java.net.URI;
import org.racetoplace.application.ApplicationService.StatusView;
import org.racetoplace.application.ApplicationService.Submission;
import org.racetoplace.community.Community;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The candidates' JSON API (public; see docs/api.md). A candidate proves who they are with the
 * status token they got when applying, in the {@code X-Status-Token} header (or {@code ?token=},
 * for links in emails).
 */
@RestController
@RequestMapping(path = "/api/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class ApplicationController {

  static final String TOKEN_HEADER = "X-Status-Token";

  private final ApplicationRequestReader reader;
  private final ApplicationRules rules;
  private final ApplicationService service;

  ApplicationController(
      ApplicationRequestReader reader, ApplicationRules rules, ApplicationService service) {
    this.reader = reader;
    this.rules = rules;
    this.service = service;
  }

  record SubmissionResponse(String reference, String statusToken, String statusUrl) {
    @Override
    public String toString() {
      return "SubmissionResponse[reference=" + reference + "]";
    }
  }

  /**
   * The body is taken as bytes and read by {@link ApplicationRequestReader}, which rejects unknown
   * fields for this API only.
   */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SubmissionResponse> submit(@RequestBody byte[] body) {
    ApplicationRequestReader.Result read = reader.read(body);
    Community community = rules.check(read.request(), read.unknownFields());
    Submission submission = service.submit(read.request(), community);
    URI statusUrl =
        ServletUriComponentsBuilder.fromCurrentRequestUri()
            .path("/{reference}")
            .buildAndExpand(submission.reference())
            .toUri();
    // the token is in this answer only: no cache may keep it
    return ResponseEntity.created(statusUrl)
        .cacheControl(CacheControl.noStore())
        .body(
            new SubmissionResponse(
                submission.reference(), submission.statusToken(), statusUrl.toString()));
  }

  @GetMapping("/{reference}")
  ResponseEntity<StatusView> status(
      @PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
      @RequestParam(name = "token", required = false) String queryToken) {
    StatusView view = service.status(reference, token(headerToken, queryToken));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
  }

  @PostMapping("/{reference}/withdraw")
  ResponseEntity<StatusView> withdraw(
      @PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
      @RequestParam(name = "token", required = false) String queryToken) {
    StatusView view = service.withdraw(reference, token(headerToken, queryToken));
    return ResponseEntity.accepted().cacheControl(CacheControl.noStore()).body(view);
  }

  private static String token(String headerToken, String queryToken) {
    return headerToken != null && !headerToken.isBlank() ? headerToken.trim() : queryToken;
  }
}
