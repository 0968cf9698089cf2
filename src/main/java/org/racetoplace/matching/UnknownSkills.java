package org.racetoplace.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The skills people wrote that the taxonomy does not know, for staff to extend {@code
 * skills.yaml}. Derived from what is stored, nothing else: the applications' self-rated skills and
 * project technologies that intake stored without a canonical skill, and the openings' skills the
 * taxonomy does not know. So a request refused before anything was stored never shows, an erased
 * application's skills leave the report with its rows, and the report is always current.
 *
 * <p>A stored row whose name the taxonomy has learnt since (a newer {@code skills.yaml}, before
 * {@link SkillNormalisationBackfill} filled it) is known, and left out.
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
   * One unknown skill: its spellings (same {@linkplain SkillTaxonomy#unknownKey key}: case, spaces
   * and punctuation aside), the most used first; how many applications name it as a self-rated
   * skill, how many as a project technology, how many openings ask for it; and the same counts per
   * community.
   *
   * @param name the most used spelling (of equally used ones, the first in alphabetical order)
   */
  public record UnknownSkill(
      String name,
      List<String> spellings,
      long applications,
      long projects,
      long openings,
      List<CommunityUses> communities) {

    long total() {
      return applications + projects + openings;
    }
  }

  /** How often one community's applications and openings use an unknown skill. */
  public record CommunityUses(String community, long applications, long projects, long openings) {}

  /** Most used first, then by name. */
  @Transactional(readOnly = true)
  public List<UnknownSkill> report() {
    Map<String, Tally> byKey = new TreeMap<>();
    add(evidence.unknownApplicationSkills(), Use.APPLICATION, byKey);
    add(evidence.unknownProjectTechnologies(), Use.PROJECT, byKey);
    add(evidence.openingSkills(), Use.OPENING, byKey);
    List<UnknownSkill> report = new ArrayList<>();
    byKey.values().forEach(tally -> report.add(tally.toSkill()));
    report.sort(Comparator.comparingLong(UnknownSkill::total).reversed().thenComparing(UnknownSkill::name));
    return report;
  }

  private enum Use {
    APPLICATION,
    PROJECT,
    OPENING
  }

  private void add(List<MatchEvidenceRepository.WrittenSkill> rows, Use use, Map<String, Tally> byKey) {
    for (MatchEvidenceRepository.WrittenSkill row : rows) {
      if (row.getName() == null || row.getName().isBlank() || taxonomy.knows(row.getName())) {
        continue;
      }
      String name = row.getName().trim();
      byKey.computeIfAbsent(SkillTaxonomy.unknownKey(name), key -> new Tally()).add(name, row, use);
    }
  }

  /** The rows of one unknown skill: who used it where, by spelling. */
  private static final class Tally {
    private final Map<String, Integer> spellings = new TreeMap<>();
    private final Map<String, List<Set<Long>>> communities = new TreeMap<>();

    void add(String spelling, MatchEvidenceRepository.WrittenSkill row, Use use) {
      spellings.merge(spelling, 1, Integer::sum);
      communities
          .computeIfAbsent(row.getCommunityId(), community -> List.of(new HashSet<>(), new HashSet<>(), new HashSet<>()))
          .get(use.ordinal())
          .add(row.getOwnerId());
    }

    UnknownSkill toSkill() {
      List<String> written = new ArrayList<>(spellings.keySet());
      // alphabetical so far (TreeMap); a stable sort keeps that order among equally used ones
      written.sort(Comparator.comparing(spelling -> -spellings.get(spelling)));
      List<CommunityUses> uses = new ArrayList<>();
      long applications = 0;
      long projects = 0;
      long openings = 0;
      for (Map.Entry<String, List<Set<Long>>> community : communities.entrySet()) {
        List<Set<Long>> owners = community.getValue();
        CommunityUses counted =
            new CommunityUses(community.getKey(), owners.get(0).size(), owners.get(1).size(), owners.get(2).size());
        uses.add(counted);
        applications += counted.applications();
        projects += counted.projects();
        openings += counted.openings();
      }
      return new UnknownSkill(written.get(0), List.copyOf(written), applications, projects, openings, List.copyOf(uses));
    }
  }
}
