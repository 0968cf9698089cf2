package org.racetoplace.matching;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.racetoplace.matching.MatchingViews.CandidateView;
import org.racetoplace.matching.MatchingViews.OpeningCandidates;
import org.racetoplace.matching.MatchingViews.OpeningView;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Job openings for staff: list (filtered by status, employer, community), read, post, edit,
 * change status (open, paused, filled, closed), and the ranked shortlist of candidates with
 * explanations. Posting, reopening, and an edit that may suit more cases wake the talent pool
 * ({@code OpeningPosted}, through {@link JobOpenings}). Staff, program managers and admins only.
 */
@RestController
@RequestMapping(path = "/api/openings", produces = MediaType.APPLICATION_JSON_VALUE)
class OpeningController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final JobOpeningRepository openings;
  private final JobOpenings jobOpenings;
  private final MatchingService matching;
  private final MatchingRequestReader reader;
  private final SkillTaxonomy taxonomy;

  OpeningController(
      JobOpeningRepository openings,
      JobOpenings jobOpenings,
      MatchingService matching,
      MatchingRequestReader reader,
      SkillTaxonomy taxonomy) {
    this.openings = openings;
    this.jobOpenings = jobOpenings;
    this.matching = matching;
    this.reader = reader;
    this.taxonomy = taxonomy;
  }

  @GetMapping
  @Transactional(readOnly = true)
  List<OpeningView> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String employer,
      @RequestParam(required = false) String community,
      Authentication authentication) {
    StaffAccess.require(authentication);
    OpeningStatus wanted = status == null ? null : parseStatus(status);
    return openings.findAllWithEmployer().stream()
        .filter(opening -> wanted == null || opening.getStatus() == wanted)
        .filter(opening -> employer == null || opening.getEmployer().getSlug().equals(employer))
        .filter(opening -> community == null || opening.getCommunity().getId().equals(community))
        .map(opening -> OpeningView.of(opening, taxonomy))
        .toList();
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  OpeningView get(@PathVariable long id, Authentication authentication) {
    StaffAccess.require(authentication);
    return OpeningView.of(openings.findWithEmployer(id).orElseThrow(() -> new OpeningNotFoundException(id)), taxonomy);
  }

  /** 201 with the opening; 400 listing every problem (nothing stored, nobody woken). */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  ResponseEntity<OpeningView> post(@RequestBody byte[] body, Authentication authentication) {
    StaffAccess.require(authentication);
    MatchingRequestReader.OpeningRequest request = reader.readOpening(body);
    JobOpening opening = jobOpenings.post(request.opening(), request::skillField);
    return ResponseEntity.created(URI.create("/api/openings/" + opening.getId())).body(OpeningView.of(opening, taxonomy));
  }

  /**
   * Replaces the opening's details with the body of a posting (the employer may be left out and
   * must otherwise be the opening's own): 200 with the opening; 400 listing every problem and 409
   * for fewer positions than are filled, both changing nothing. Wakes the talent pool when an open
   * opening may now suit more cases (see {@link JobOpenings#edit}).
   */
  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  OpeningView edit(@PathVariable long id, @RequestBody byte[] body, Authentication authentication) {
    StaffAccess.require(authentication);
    MatchingRequestReader.OpeningRequest request = reader.readOpening(body);
    return OpeningView.of(jobOpenings.edit(id, request.opening(), request::skillField), taxonomy);
  }

  /**
   * {@code {"status":"paused"}}. Open reopens (and wakes the talent pool), paused and closed stop
   * proposals, filled marks an opening the employer filled elsewhere. 409 when an opening without
   * a position left is reopened.
   */
  @PutMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  OpeningView changeStatus(@PathVariable long id, @RequestBody byte[] body, Authentication authentication) {
    StaffAccess.require(authentication);
    OpeningStatus status = reader.readOpeningStatus(body);
    JobOpening opening =
        switch (status) {
          case OPEN -> jobOpenings.reopen(id);
          case PAUSED -> jobOpenings.pause(id);
          case CLOSED -> jobOpenings.close(id);
          case FILLED -> jobOpenings.markFilled(id);
        };
    return OpeningView.of(opening, taxonomy);
  }

  /** The ranked shortlist: open applications that qualify, best first, with explanations. */
  @GetMapping("/{id}/candidates")
  OpeningCandidates candidates(
      @PathVariable long id, @RequestParam(required = false) Integer limit, Authentication authentication) {
    StaffAccess.require(authentication);
    int checked = checkLimit(limit);
    return new OpeningCandidates(
        id, taxonomy.version(), matching.shortlist(id, checked).stream().map(CandidateView::of).toList());
  }

  /** A reopening refused because every position is filled: the state, not the request, is wrong. */
  @ExceptionHandler(DecisionRefusedException.class)
  ResponseEntity<ProblemDetail> refused(DecisionRefusedException refusal) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refusal.getMessage());
    problem.setType(ProblemTypes.CONFLICT);
    problem.setTitle("Status change refused");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  static int checkLimit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidRequestException(
          "Invalid request", List.of(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT)));
    }
    return limit;
  }

  private static OpeningStatus parseStatus(String status) {
    try {
      return OpeningStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "Invalid request", List.of(new FieldProblem("status", "must be one of open, paused, filled, closed")));
    }
  }
}
