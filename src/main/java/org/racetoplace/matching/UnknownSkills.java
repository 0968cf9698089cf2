package org.racetoplace.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The skills people wrote that the taxonomy does not know, for staff to extend {@code
 * skills.yaml}: read from where they are stored as written (applications' skills, project
 * technologies, openings' skills), so nothing is ever dropped and the report is always current.
 */
@Service
public class UnknownSkills {

  private final MatchEvidenceRepository evidence;
  private final SkillTaxonomy taxonomy;

  public UnknownSkills(MatchEvidenceRepository evidence, SkillTaxonomy taxonomy) {
    this.evidence = evidence;
    this.taxonomy = taxonomy;
  }

  /**
   * One unknown skill: the spellings seen (same key: case, spaces and punctuation aside) and how
   * many applications and openings use it.
   */
  public record UnknownSkill(String name, List<String> spellings, long applications, long projects, long openings) {
    long total() {
      return applications + projects + openings;
    }
  }

  /** Most used first, then by name. */
  @Transactional(readOnly = true)
  public List<UnknownSkill> report() {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, Set<String>> spellings = new TreeMap<>();
    add(evidence.applicationSkills(), 0, counts, spellings);
    add(evidence.projectTechnologies(), 1, counts, spellings);
    add(evidence.openingSkills(), 2, counts, spellings);
    List<UnknownSkill> report = new ArrayList<>();
    for (Map.Entry<String, long[]> entry : counts.entrySet()) {
      List<String> written = List.copyOf(spellings.get(entry.getKey()));
      long[] uses = entry.getValue();
      report.add(new UnknownSkill(written.get(0), written, uses[0], uses[1], uses[2]));
    }
    report.sort(Comparator.comparingLong(UnknownSkill::total).reversed().thenComparing(UnknownSkill::name));
    return report;
  }

  private void add(
      List<MatchEvidenceRepository.WrittenSkill> written, int column, Map<String, long[]> counts, Map<String, Set<String>> spellings) {
    for (MatchEvidenceRepository.WrittenSkill skill : written) {
      if (skill.getName() == null || skill.getName().isBlank() || taxonomy.knows(skill.getName())) {
        continue;
      }
      String name = skill.getName().trim();
      String key = SkillTaxonomy.key(name).isEmpty() ? name.toLowerCase(Locale.ROOT) : SkillTaxonomy.key(name);
      counts.computeIfAbsent(key, k -> new long[3])[column] += skill.getUses();
      spellings.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(name);
    }
  }
}
