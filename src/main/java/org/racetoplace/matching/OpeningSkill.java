package org.racetoplace.matching;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A skill an opening asks for: required (a candidate without it, or below its level, is not
 * proposed) or preferred (adds to the score). The weight says how much it counts against the
 * opening's other skills of the same kind.
 *
 * @param name compared with the candidate's skills case-insensitively, trimmed
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
