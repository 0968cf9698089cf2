package org.racetoplace.matching;

import java.util.List;

/**
 * An opening as an employer partner posts it.
 *
 * @param employerSlug the partner, e.g. {@code magic-city-software}
 * @param communityId where the job is, e.g. {@code birmingham}
 * @param positions how many people the partner hires for it, 1 to {@value JobOpenings#MAX_POSITIONS}
 * @param languages the programming languages the team works in (shown to reviewers)
 * @param skills required and preferred skills, at least one required
 */
public record NewOpening(
    String employerSlug,
    String title,
    String communityId,
    boolean remoteAllowed,
    int positions,
    List<String> languages,
    List<OpeningSkill> skills) {

  public NewOpening {
    languages = languages == null ? List.of() : List.copyOf(languages);
    skills = skills == null ? List.of() : List.copyOf(skills);
  }
}
