package org.racetoplace.matching;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.racetoplace.application.Skill;

/**
 * What the ranker knows of a candidate: each skill's level, by name compared case-insensitively
 * and trimmed ({@code " java"} is {@code Java}). Two sources, both from the application:
 *
 * <ul>
 *   <li>the skills the candidate rated themselves in (1–5); a name listed twice counts at its
 *       higher level;
 *   <li>the programming languages the candidate prefers, counted as level {@value
 *       #PREFERRED_LANGUAGE_LEVEL} unless the candidate also rated that language as a skill — the
 *       rating then wins, even when lower: it is the more specific statement.
 * </ul>
 */
public final class CandidateSkills {

  /** The level a preferred programming language counts as when the candidate did not rate it. */
  public static final int PREFERRED_LANGUAGE_LEVEL = 3;

  /** One skill as the ranker sees it; {@code selfRated} false means a preferred language. */
  public record Entry(String name, int level, boolean selfRated) {

    /** How the explanation says where the level comes from. */
    String source() {
      return selfRated
          ? "self-reported"
          : "preferred language, counted as level " + PREFERRED_LANGUAGE_LEVEL;
    }
  }

  private final Map<String, Entry> byKey;

  private CandidateSkills(Map<String, Entry> byKey) {
    this.byKey = Map.copyOf(byKey);
  }

  public static CandidateSkills of(Collection<Skill> skills, Collection<String> preferredLanguages) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (Skill skill : skills) {
      if (skill.name() == null || skill.name().isBlank()) {
        continue;
      }
      String name = skill.name().trim();
      entries.merge(
          key(name),
          new Entry(name, skill.level(), true),
          (existing, added) -> added.level() > existing.level() ? added : existing);
    }
    for (String language : preferredLanguages) {
      if (language == null || language.isBlank()) {
        continue;
      }
      String name = language.trim();
      entries.putIfAbsent(key(name), new Entry(name, PREFERRED_LANGUAGE_LEVEL, false));
    }
    return new CandidateSkills(entries);
  }

  public Optional<Entry> find(String skillName) {
    return skillName == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(skillName)));
  }

  /** How skill names are compared: trimmed, lower case (locale-independent). */
  static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
