package org.racetoplace.application;

/**
 * Where an application stands as a record. The stage within the pipeline comes from the engine
 * (see {@link CandidateStage}); this status says whether the case is still open and, once closed,
 * how it ended.
 */
public enum ApplicationStatus {
  SUBMITTED(true),
  IN_PROGRESS(true),
  WITHDRAWN(false),
  NOT_ADVANCED(false),
  PLACED(false),
  EXPIRED(false);

  private final boolean active;

  ApplicationStatus(boolean active) {
    this.active = active;
  }

  /** An active application blocks a second one with the same email in the same community. */
  public boolean isActive() {
    return active;
  }
}
