package org.racetoplace.assessment.builtin;

import java.net.URI;
import java.util.Optional;
import org.racetoplace.assessment.builtin.BuiltInAssessmentService.Started;
import org.racetoplace.assessment.builtin.SittingViews.SavedAnswerView;
import org.racetoplace.assessment.builtin.SittingViews.SittingView;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The candidate takes the built-in assessment (public, like the status: the status token in
 * header {@code X-Status-Token} or {@code ?token=} proves who they are; a wrong or missing token
 * is answered 404 as an unknown reference). Every answer is {@code Cache-Control: no-store}: it
 * holds the questions and the candidate's answers. See docs/assessment.md.
 */
@RestController
@RequestMapping(path = "/api/applications/{reference}/assessment", produces = MediaType.APPLICATION_JSON_VALUE)
class BuiltInAssessmentController {

  static final String TOKEN_HEADER = "X-Status-Token";

  private final SittingRequestReader reader;
  private final BuiltInAssessmentService service;

  BuiltInAssessmentController(SittingRequestReader reader, BuiltInAssessmentService service) {
    this.reader = reader;
    this.service = service;
  }

  /** 201 with a new sitting, 200 resuming the running one; 400, 404 or 409 otherwise. */
  @PostMapping
  ResponseEntity<SittingView> start(
      @PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
      @RequestParam(name = "token", required = false) String queryToken,
      @RequestBody(required = false) byte[] body) {
    Optional<String> language = reader.readStart(body);
    Started started = service.start(reference, token(headerToken, queryToken), language);
    if (!started.created()) {
      return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(started.view());
    }
    URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).build().toUri();
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(location)
        .cacheControl(CacheControl.noStore())
        .body(started.view());
  }

  @GetMapping
  ResponseEntity<SittingView> state(
      @PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
      @RequestParam(name = "token", required = false) String queryToken) {
    SittingView view = service.state(reference, token(headerToken, queryToken));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
  }

  /** 200 with the saved answer; 400 (the answer's shape), 404 (no such question), 409. */
  @PutMapping(path = "/answers/{itemId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SavedAnswerView> saveAnswer(
      @PathVariable String reference,
      @PathVariable String itemId,
      @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
      @RequestParam(name = "token", required = false) String queryToken,
      @RequestBody byte[] body) {
    SavedAnswerView saved =
        service.saveAnswer(reference, token(headerToken, queryToken), itemId, item -> reader.readAnswer(body, item));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(saved);
  }

  /** 200 with the submitted sitting (also when submitted already); 404 or 409 otherwise. */
  @PostMapping("/submit")
  ResponseEntity<SittingView> submit(
      @PathVariable String reference,
      @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
      @RequestParam(name = "token", required = false) String queryToken) {
    SittingView view = service.submit(reference, token(headerToken, queryToken));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
  }

  private static String token(String headerToken, String queryToken) {
    return headerToken != null && !headerToken.isBlank() ? headerToken.trim() : queryToken;
  }
}
