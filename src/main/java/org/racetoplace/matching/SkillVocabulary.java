package org.racetoplace.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The skill ids of one matching run ({@link SkillTaxonomy#vocabulary()}): the taxonomy's own ids,
 * and for each name the taxonomy does not know an id above them, the same for every spelling with
 * the same {@linkplain SkillTaxonomy#unknownKey key}, so two people who wrote the same unknown
 * skill still match each other.
 *
 * <p>Candidates and openings that are scored against each other must be compiled with one
 * vocabulary. A run makes its own and lets it go at the end: the names people wrote are then not
 * kept in memory after the run, neither for the application's life nor after the person's data
 * has been erased.
 *
 * <p>Not thread-safe: one run, one thread.
 */
public final class SkillVocabulary {

  /** A skill name as someone wrote it, resolved: its id, and whether the taxonomy knows it. */
  public record Resolved(int id, String name, boolean known, String written) {}

  private final SkillTaxonomy taxonomy;
  private final Map<String, Integer> unknownIds = new HashMap<>();
  private final List<String> unknownNames = new ArrayList<>();

  SkillVocabulary(SkillTaxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  public SkillTaxonomy taxonomy() {
    return taxonomy;
  }

  /**
   * The skill a free-text name stands for; a name the taxonomy does not know keeps its written
   * form (trimmed) and gets an id of this vocabulary's, the same for every spelling with the same
   * key.
   *
   * @throws IllegalArgumentException for a blank name
   */
  public Resolved resolve(String written) {
    if (written == null || written.isBlank()) {
      throw new IllegalArgumentException("A skill name must not be blank");
    }
    String trimmed = written.trim();
    int known = taxonomy.idOf(trimmed);
    if (known >= 0) {
      return new Resolved(known, taxonomy.skills().get(known).name(), true, trimmed);
    }
    int id =
        unknownIds.computeIfAbsent(
            SkillTaxonomy.unknownKey(trimmed),
            key -> {
              unknownNames.add(trimmed);
              return taxonomy.size() + unknownNames.size() - 1;
            });
    return new Resolved(id, trimmed, false, trimmed);
  }

  /** Whether the id is one of the taxonomy's skills (not a name only this vocabulary knows). */
  public boolean isKnown(int id) {
    return taxonomy.isKnown(id);
  }

  /** The canonical name of a known skill, or the first written form of an unknown one. */
  public String nameOf(int id) {
    return isKnown(id) ? taxonomy.skills().get(id).name() : unknownNames.get(id - taxonomy.size());
  }

  /** How many names the taxonomy does not know this vocabulary has handed ids to. */
  public int unknownCount() {
    return unknownNames.size();
  }
}
