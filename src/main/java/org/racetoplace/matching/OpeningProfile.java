package org.racetoplace.matching;

import java.util.List;

/**
 * What the ranker needs of an opening, apart from the entity so the ranking rules are tested
 * without a database.
 */
public record OpeningProfile(
    long id,
    String communityId,
    boolean remoteAllowed,
    OpeningStatus status,
    int positions,
    int filled,
    boolean employerActive,
    List<OpeningSkill> skills) {

  public OpeningProfile {
    skills = List.copyOf(skills);
  }

  public static OpeningProfile of(JobOpening opening) {
    return new OpeningProfile(
        opening.getId(),
        opening.getCommunity().getId(),
        opening.isRemoteAllowed(),
        opening.getStatus(),
        opening.getPositions(),
        opening.getFilled(),
        opening.getEmployer().isActive(),
        opening.getSkills());
  }
}
