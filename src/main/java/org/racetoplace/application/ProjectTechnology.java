package org.racetoplace.application;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A technology a project used.
 *
 * @param name as the candidate wrote it (trimmed); always kept
 * @param canonicalName the skill of the taxonomy the name stands for, resolved at intake; null
 *     when the taxonomy does not know it (as for {@link Skill#canonicalName()})
 */
@Embeddable
public record ProjectTechnology(
    @Column(name = "technology", nullable = false, length = 50) String name,
    @Column(name = "canonical_name", length = 100) String canonicalName) {

  /** A technology whose name has not been resolved against the taxonomy. */
  public static ProjectTechnology asWritten(String name) {
    return new ProjectTechnology(name, null);
  }
}
