package org.racetoplace.application;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first step of every case, for applications from any channel (the web form, or staff
 * entering a paper application): is it still active, complete enough to assess, and the person's
 * only open application across communities? Intake rejects most problems already; this catches
 * what only shows across records.
 */
@Service
public class ApplicationScreening {

  /** Why an application was screened out; a small scalar the model and reports may read. */
  public enum Outcome {
    PASSED,
    NOT_ACTIVE,
    NO_LANGUAGE,
    OPEN_IN_OTHER_COMMUNITY
  }

  private final ApplicationRepository applications;
  private final CandidateRepository candidates;

  public ApplicationScreening(ApplicationRepository applications, CandidateRepository candidates) {
    this.applications = applications;
    this.candidates = candidates;
  }

  /**
   * Screens one application.
   *
   * <ul>
   *   <li>An application that was closed meanwhile (withdrawn) is not screened in.
   *   <li>The assessment needs a programming language to test.
   *   <li>A person may have one open application at a time across all communities (one
   *       community per person per round); the later one is screened out.
   * </ul>
   */
  @Transactional(readOnly = true)
  public Outcome screen(String reference) {
    Application application =
        applications
            .loadByReference(reference)
            .orElseThrow(() -> new IllegalStateException("No application " + reference));
    if (!application.getStatus().isActive()) {
      return Outcome.NOT_ACTIVE;
    }
    if (application.getLanguages().isEmpty()) {
      return Outcome.NO_LANGUAGE;
    }
    Candidate candidate = application.getCandidate();
    boolean openElsewhere =
        candidates.findByEmail(candidate.getEmail()).stream()
            .filter(other -> !other.getId().equals(candidate.getId()))
            .anyMatch(other -> applications.findByActiveCandidateId(other.getId()).isPresent());
    return openElsewhere ? Outcome.OPEN_IN_OTHER_COMMUNITY : Outcome.PASSED;
  }
}
