package org.racetoplace.matching;

import java.util.List;

/**
 * An opening as the scorer sees it, compiled once per matching run: required and preferred skills
 * as taxonomy ids with minimum level and weight, in parallel arrays, plus what decides whether it
 * may be proposed at all (status, positions, partner active, community, remote).
 */
public final class MatchOpening {

  final long id;
  final String communityId;
  final boolean remoteAllowed;
  final OpeningStatus status;
  final int positions;
  final int filled;
  final boolean employerActive;
  final int[] requiredIds;
  final int[] requiredMin;
  final int[] requiredWeight;
  final int requiredTotalWeight;
  final int[] preferredIds;
  final int[] preferredMin;
  final int[] preferredWeight;
  final int preferredTotalWeight;

  private MatchOpening(
      long id,
      String communityId,
      boolean remoteAllowed,
      OpeningStatus status,
      int positions,
      int filled,
      boolean employerActive,
      int[][] required,
      int[][] preferred) {
    this.id = id;
    this.communityId = communityId;
    this.remoteAllowed = remoteAllowed;
    this.status = status;
    this.positions = positions;
    this.filled = filled;
    this.employerActive = employerActive;
    this.requiredIds = required[0];
    this.requiredMin = required[1];
    this.requiredWeight = required[2];
    this.requiredTotalWeight = sum(requiredWeight);
    this.preferredIds = preferred[0];
    this.preferredMin = preferred[1];
    this.preferredWeight = preferred[2];
    this.preferredTotalWeight = sum(preferredWeight);
  }

  /**
   * Compiles an opening's facts; skill names get their ids from the matching run's {@code
   * vocabulary}, which the candidates it is scored against must share.
   */
  public static MatchOpening of(
      SkillVocabulary vocabulary,
      long id,
      String communityId,
      boolean remoteAllowed,
      OpeningStatus status,
      int positions,
      int filled,
      boolean employerActive,
      List<OpeningSkill> skills) {
    List<OpeningSkill> required = skills.stream().filter(OpeningSkill::required).toList();
    List<OpeningSkill> preferred = skills.stream().filter(skill -> !skill.required()).toList();
    return new MatchOpening(
        id,
        communityId,
        remoteAllowed,
        status,
        positions,
        filled,
        employerActive,
        arrays(vocabulary, required),
        arrays(vocabulary, preferred));
  }

  public static MatchOpening of(SkillVocabulary vocabulary, JobOpening opening) {
    return of(
        vocabulary,
        opening.getId(),
        opening.getCommunity().getId(),
        opening.isRemoteAllowed(),
        opening.getStatus(),
        opening.getPositions(),
        opening.getFilled(),
        opening.getEmployer().isActive(),
        opening.getSkills());
  }

  private static int[][] arrays(SkillVocabulary vocabulary, List<OpeningSkill> skills) {
    int[][] arrays = new int[3][skills.size()];
    for (int i = 0; i < skills.size(); i++) {
      OpeningSkill skill = skills.get(i);
      arrays[0][i] = vocabulary.resolve(skill.name()).id();
      arrays[1][i] = Math.max(1, skill.minLevel());
      arrays[2][i] = Math.max(1, skill.weight());
    }
    return arrays;
  }

  private static int sum(int[] values) {
    int sum = 0;
    for (int value : values) {
      sum += value;
    }
    return sum;
  }

  public long id() {
    return id;
  }

  public String communityId() {
    return communityId;
  }

  public boolean remoteAllowed() {
    return remoteAllowed;
  }

  /** Open, with a position left, at an active partner. */
  public boolean available() {
    return status == OpeningStatus.OPEN && filled < positions && employerActive;
  }

  /** Positions still to fill. */
  public int positionsLeft() {
    return Math.max(0, positions - filled);
  }

  /** Whether a case of the community may be proposed the opening (skills aside). */
  public boolean reachable(String candidateCommunity) {
    return communityId.equals(candidateCommunity) || remoteAllowed;
  }
}
