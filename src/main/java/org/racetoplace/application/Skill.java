package org.racetoplace.application;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A skill the candidate rates themselves in, 1 (beginner) to 5 (expert).
 *
 * @param name as the candidate wrote it (trimmed); always kept
 * @param canonicalName the skill of the taxonomy the name stands for ("JS" → "JavaScript"),
 *     resolved at intake; null when the taxonomy does not know the name, and in rows stored before
 *     intake resolved names (until the start-up backfill, see docs/matching.md)
 */
@Embeddable
public record Skill(
    @Column(name = "name", nullable = false, length = 100) String name,
    @Column(name = "skill_level", nullable = false) int level,
    @Column(name = "canonical_name", length = 100) String canonicalName) {

  /** A skill whose name has not been resolved against the taxonomy. */
  public Skill(String name, int level) {
    this(name, level, null);
  }
}
