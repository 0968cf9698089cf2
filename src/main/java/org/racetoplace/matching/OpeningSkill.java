package org.racetoplace.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A skill an opening asks for: required or preferred. A candidate who neither holds a required
 * skill nor covers it through a related skill is not proposed the opening; one who holds it below
 * its level is, and earns {@code level / minLevel} of its worth (docs/matching.md, "Score").
 * Preferred skills add a bonus. The weight says how much a skill counts against the opening's other
 * skills of the same kind.
 *
 * @param name the taxonomy's canonical name ("JS" is stored as "JavaScript"), or as written for a
 *     skill the taxonomy does not know; compared with the candidate's skills through the taxonomy
 * @param minLevel 1 (beginner) to 5 (expert), the scale candidates rate themselves on
 * @param weight 1 to 100
 */
@Embeddable
public record OpeningSkill(
    @Column(name = "name", nullable = false, length = 100) String name,
    @Column(name = "min_level", nullable = false) int minLevel,
    @Column(name = "weight", nullable = false) int weight,
    @Column(name = "required", nullable = false) boolean required) {

  public static OpeningSkill required(String name, int minLevel, int weight) {
    return new OpeningSkill(name, minLevel, weight, true);
  }

  public static OpeningSkill preferred(String name, int minLevel, int weight) {
    return new OpeningSkill(name, minLevel, weight, false);
  }
}
