package org.racetoplace.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.racetoplace.interview.InterviewRecommendation;

/**
 * A candidate as the scorer sees it, compiled once per matching run: the skills held (taxonomy
 * ids, ascending, with level and evidence), the skills they count towards through related-skill
 * links, and the interview's part of the score. Scoring a pair then needs binary searches over
 * these arrays and nothing else — no maps, no per-pair collections.
 *
 * <p>Built by {@link Builder} from what the application's tables hold; no names, no contacts.
 */
public final class MatchCandidate {

  /** The level a preferred programming language counts as when the candidate did not rate it. */
  public static final int PREFERRED_LANGUAGE_LEVEL = 3;
  /** The level a project technology shows at least. */
  public static final int PROJECT_LEVEL = 2;
  /** The level a certificate shows at least. */
  public static final int CERTIFICATE_LEVEL = 3;
  /** The language score (0–100) from which an assessment verifies its language. */
  public static final int ASSESSMENT_VERIFIES_FROM = 60;

  final long applicationId;
  final String communityId;
  final int[] ids;
  final int[] levels;
  final Evidence[] evidence;
  final String[] sources;
  final int[] relatedTargets;
  final int[] relatedSources;
  final double[] relatedCredits;
  final double interviewPoints;
  final String interviewExplanation;

  private MatchCandidate(
      long applicationId,
      String communityId,
      int[] ids,
      int[] levels,
      Evidence[] evidence,
      String[] sources,
      int[] relatedTargets,
      int[] relatedSources,
      double[] relatedCredits,
      double interviewPoints,
      String interviewExplanation) {
    this.applicationId = applicationId;
    this.communityId = communityId;
    this.ids = ids;
    this.levels = levels;
    this.evidence = evidence;
    this.sources = sources;
    this.relatedTargets = relatedTargets;
    this.relatedSources = relatedSources;
    this.relatedCredits = relatedCredits;
    this.interviewPoints = interviewPoints;
    this.interviewExplanation = interviewExplanation;
  }

  public long applicationId() {
    return applicationId;
  }

  public String communityId() {
    return communityId;
  }

  /** How many distinct skills the candidate holds. */
  public int skillCount() {
    return ids.length;
  }

  /** Level (1–5) of a held skill, 0 when not held directly. */
  public int levelOf(int skillId) {
    int i = Arrays.binarySearch(ids, skillId);
    return i < 0 ? 0 : levels[i];
  }

  /** Evidence of a held skill, null when not held directly. */
  public Evidence evidenceOf(int skillId) {
    int i = Arrays.binarySearch(ids, skillId);
    return i < 0 ? null : evidence[i];
  }

  /**
   * A new candidate of a matching run; its skills get their ids from the run's {@code vocabulary},
   * which the openings it is scored against must share.
   */
  public static Builder builder(SkillVocabulary vocabulary, long applicationId, String communityId) {
    return new Builder(vocabulary, applicationId, communityId);
  }

  /** Collects what the application shows, skill by skill; {@link #build()} compiles it. */
  public static final class Builder {

    private final SkillVocabulary vocabulary;
    private final long applicationId;
    private final String communityId;
    private final Map<Integer, Held> held = new TreeMap<>();
    private boolean vetterApproved;
    private InterviewRecommendation recommendation;
    private Integer interviewScore;
    private boolean interviewed;

    private Builder(SkillVocabulary vocabulary, long applicationId, String communityId) {
      this.vocabulary = vocabulary;
      this.applicationId = applicationId;
      this.communityId = communityId;
    }

    private static final class Held {
      int selfRated = -1;
      boolean preferredLanguage;
      int shownLevel;
      Evidence evidence;
      final Set<String> sources = new LinkedHashSet<>();
    }

    private Held held(String written) {
      return held.computeIfAbsent(vocabulary.resolve(written).id(), id -> new Held());
    }

    private static boolean blank(String text) {
      return text == null || text.isBlank();
    }

    /** A skill the candidate rated (1–5); rated twice, the higher rating counts. */
    public Builder selfRated(String name, int level) {
      if (!blank(name)) {
        Held skill = held(name);
        skill.selfRated = Math.max(skill.selfRated, Math.max(1, Math.min(5, level)));
        skill.evidence = Evidence.max(skill.evidence, Evidence.SELF_REPORTED);
        skill.sources.add("self-rated " + skill.selfRated);
      }
      return this;
    }

    /** A preferred programming language: level 3 unless the candidate also rated it. */
    public Builder preferredLanguage(String name) {
      if (!blank(name)) {
        Held skill = held(name);
        skill.preferredLanguage = true;
        skill.evidence = Evidence.max(skill.evidence, Evidence.SELF_REPORTED);
        skill.sources.add("preferred language");
      }
      return this;
    }

    /** A technology of one of the candidate's projects. */
    public Builder project(String technology) {
      if (!blank(technology)) {
        shown(held(technology), PROJECT_LEVEL, Evidence.PROJECT, "project");
      }
      return this;
    }

    /** A certificate: every known skill its title names counts as certified. */
    public Builder certificate(String title) {
      for (SkillTaxonomy.Definition skill : vocabulary.taxonomy().mentionedIn(title)) {
        shown(held(skill.name()), CERTIFICATE_LEVEL, Evidence.CERTIFICATE, "certificate");
      }
      return this;
    }

    /**
     * An assessment result: its language is verified from a language score of {@value
     * #ASSESSMENT_VERIFIES_FROM} (level 3; 75 → 4; 90 → 5); a lower score verifies nothing.
     */
    public Builder assessed(String language, int languageScore) {
      if (!blank(language) && languageScore >= ASSESSMENT_VERIFIES_FROM) {
        int level = languageScore >= 90 ? 5 : languageScore >= 75 ? 4 : 3;
        shown(held(language), level, Evidence.ASSESSMENT, "assessment score " + languageScore);
      }
      return this;
    }

    /** The latest vetting review approved the profile the vetter saw. */
    public Builder vetterApproved(boolean approved) {
      this.vetterApproved = approved;
      return this;
    }

    /** The latest attended interview's scorecard; both may be null. */
    public Builder interview(InterviewRecommendation recommendation, Integer score) {
      this.interviewed = recommendation != null || score != null;
      this.recommendation = recommendation;
      this.interviewScore = score;
      return this;
    }

    private static void shown(Held skill, int level, Evidence evidence, String source) {
      skill.shownLevel = Math.max(skill.shownLevel, level);
      skill.evidence = Evidence.max(skill.evidence, evidence);
      skill.sources.add(source);
    }

    public MatchCandidate build() {
      int n = held.size();
      int[] ids = new int[n];
      int[] levels = new int[n];
      Evidence[] evidence = new Evidence[n];
      String[] sources = new String[n];
      int i = 0;
      for (Map.Entry<Integer, Held> entry : held.entrySet()) {
        Held skill = entry.getValue();
        // a rating is the more specific statement: it wins over a preferred language, even lower
        int stated = skill.selfRated >= 0 ? skill.selfRated : skill.preferredLanguage ? PREFERRED_LANGUAGE_LEVEL : 0;
        Evidence strongest = skill.evidence;
        List<String> from = new ArrayList<>(skill.sources);
        if (vetterApproved && strongest.compareTo(Evidence.PROJECT) >= 0) {
          strongest = Evidence.VETTER;
          from.add("approved at vetting");
        }
        ids[i] = entry.getKey();
        levels[i] = Math.max(1, Math.min(5, Math.max(stated, skill.shownLevel)));
        evidence[i] = strongest;
        sources[i] = String.join(", ", from);
        i++;
      }

      // what each held skill counts towards: per target, the best link by credit × evidence × level
      TreeMap<Integer, double[]> best = new TreeMap<>();
      for (int s = 0; s < n; s++) {
        int[] targets = vocabulary.taxonomy().relatedIds(ids[s]);
        double[] credits = vocabulary.taxonomy().relatedCredits(ids[s]);
        for (int t = 0; t < targets.length; t++) {
          double value = credits[t] * evidence[s].factor() * levels[s];
          double[] current = best.get(targets[t]);
          if (current == null || value > current[0]) {
            best.put(targets[t], new double[] {value, s, credits[t]});
          }
        }
      }
      int[] relatedTargets = new int[best.size()];
      int[] relatedSources = new int[best.size()];
      double[] relatedCredits = new double[best.size()];
      int r = 0;
      for (Map.Entry<Integer, double[]> entry : best.entrySet()) {
        relatedTargets[r] = entry.getKey();
        relatedSources[r] = (int) entry.getValue()[1];
        relatedCredits[r] = entry.getValue()[2];
        r++;
      }

      double points = MatchScorer.interviewPoints(recommendation, interviewScore);
      String explanation =
          interviewed
              ? "recommendation "
                  + (recommendation == null ? "none" : recommendation.code())
                  + ", score "
                  + (interviewScore == null ? "none" : interviewScore + "/100")
              : "no interview scorecard yet";
      return new MatchCandidate(
          applicationId,
          communityId,
          ids,
          levels,
          evidence,
          sources,
          relatedTargets,
          relatedSources,
          relatedCredits,
          points,
          explanation);
    }
  }
}
