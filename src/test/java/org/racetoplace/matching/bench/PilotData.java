package org.racetoplace.matching.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.racetoplace.interview.InterviewRecommendation;
import org.racetoplace.matching.MatchCandidate;
import org.racetoplace.matching.MatchOpening;
import org.racetoplace.matching.OpeningSkill;
import org.racetoplace.matching.OpeningStatus;
import org.racetoplace.matching.SkillTaxonomy;
import org.racetoplace.matching.SkillVocabulary;

/**
 * A seeded generator of pilot-like candidates and openings: six communities of unequal size,
 * skills drawn from the taxonomy with a heavy head (Java, JavaScript, Python, SQL, HTML, Git …
 * are written by most candidates, the long tail by few), self-ratings 1–5, some project
 * technologies, certificates, assessments, vetting approvals and interviews; openings ask for one
 * to three required skills (a language first) and up to three preferred ones, with 1–3 positions.
 * The same seed gives the same data.
 *
 * <p>It lives with the tests, not in {@code src/bench/java}, so that the property tests of the
 * cohort placement ({@code CohortPlacementPropertiesTest}) run on the same kind of data as the
 * benchmarks; the {@code bench} profile compiles both source trees together.
 */
public final class PilotData {

  static final String[] COMMUNITIES = {"birmingham", "atlanta", "akron", "seattle", "hawaii", "rhode-island"};
  static final int[] COMMUNITY_WEIGHTS = {20, 30, 10, 25, 5, 10};

  /** The head of the distribution, most frequent first; the rest of the taxonomy is the tail. */
  static final String[] LANGUAGES = {"JavaScript", "Java", "Python", "C#", "TypeScript", "PHP", "Ruby", "Go", "Kotlin", "Swift"};
  static final String[] COMMON = {
    "SQL", "HTML", "CSS", "Git", "React", "Node.js", "Spring Boot", "PostgreSQL", "MySQL", "Docker",
    "REST APIs", "Agile", "Linux", "AWS", "Angular", ".NET", "Django", "Unit testing", "MongoDB", "Bootstrap"
  };
  static final String[] CERTIFICATES = {
    "AWS Certified Cloud Practitioner", "Oracle Certified Java Programmer", "CompTIA Security+",
    "Google IT Support Certificate", "freeCodeCamp Responsive Web Design", "Azure Fundamentals AZ-900"
  };
  static final InterviewRecommendation[] RECOMMENDATIONS = InterviewRecommendation.values();

  private final SkillVocabulary vocabulary;
  private final SplittableRandom random;
  private final List<String> tail;

  public PilotData(SkillTaxonomy taxonomy, long seed) {
    this.vocabulary = taxonomy.vocabulary();
    this.random = new SplittableRandom(seed);
    this.tail = taxonomy.skills().stream().map(SkillTaxonomy.Definition::name).toList();
  }

  /** The vocabulary every candidate and opening of this generator is compiled with. */
  public SkillVocabulary vocabulary() {
    return vocabulary;
  }

  private String community() {
    int total = 0;
    for (int weight : COMMUNITY_WEIGHTS) {
      total += weight;
    }
    int pick = random.nextInt(total);
    for (int i = 0; i < COMMUNITIES.length; i++) {
      pick -= COMMUNITY_WEIGHTS[i];
      if (pick < 0) {
        return COMMUNITIES[i];
      }
    }
    return COMMUNITIES[0];
  }

  /** Zipf-like: index i with weight 1/(i+1). */
  private String zipf(String[] names) {
    double total = 0;
    for (int i = 0; i < names.length; i++) {
      total += 1.0 / (i + 1);
    }
    double pick = random.nextDouble() * total;
    for (int i = 0; i < names.length; i++) {
      pick -= 1.0 / (i + 1);
      if (pick <= 0) {
        return names[i];
      }
    }
    return names[names.length - 1];
  }

  /** 30 % a language, 55 % a common skill, 15 % anything in the taxonomy. */
  private String skill() {
    int kind = random.nextInt(100);
    if (kind < 30) {
      return zipf(LANGUAGES);
    }
    if (kind < 85) {
      return zipf(COMMON);
    }
    return tail.get(random.nextInt(tail.size()));
  }

  public MatchCandidate candidate(long applicationId) {
    MatchCandidate.Builder builder = MatchCandidate.builder(vocabulary, applicationId, community());
    String language = zipf(LANGUAGES);
    builder.selfRated(language, 2 + random.nextInt(4)).preferredLanguage(language);
    int skills = 3 + random.nextInt(6);
    for (int i = 0; i < skills; i++) {
      builder.selfRated(skill(), 1 + random.nextInt(5));
    }
    int projects = random.nextInt(3);
    for (int i = 0; i < projects; i++) {
      builder.project(language).project(skill());
    }
    if (random.nextInt(100) < 30) {
      builder.certificate(CERTIFICATES[random.nextInt(CERTIFICATES.length)]);
    }
    if (random.nextInt(100) < 70) {
      builder.assessed(language, 40 + random.nextInt(61));
    }
    builder.vetterApproved(random.nextInt(100) < 75);
    if (random.nextInt(100) < 80) {
      builder.interview(RECOMMENDATIONS[random.nextInt(RECOMMENDATIONS.length)], 40 + random.nextInt(61));
    }
    return builder.build();
  }

  public MatchOpening opening(long id, double remoteShare) {
    List<OpeningSkill> skills = new ArrayList<>();
    List<String> named = new ArrayList<>();
    String language = zipf(LANGUAGES);
    named.add(language);
    skills.add(OpeningSkill.required(language, 1 + random.nextInt(3), 2 + random.nextInt(4)));
    int required = random.nextInt(3);
    for (int i = 0; i < required; i++) {
      String name = zipf(COMMON);
      if (!named.contains(name)) {
        named.add(name);
        skills.add(OpeningSkill.required(name, 1 + random.nextInt(3), 1 + random.nextInt(3)));
      }
    }
    int preferred = random.nextInt(4);
    for (int i = 0; i < preferred; i++) {
      String name = skill();
      if (!named.contains(name)) {
        named.add(name);
        skills.add(OpeningSkill.preferred(name, 1 + random.nextInt(3), 1 + random.nextInt(3)));
      }
    }
    return MatchOpening.of(
        vocabulary, id, community(), random.nextDouble() < remoteShare, OpeningStatus.OPEN, 1 + random.nextInt(3), 0, true, skills);
  }

  public List<MatchCandidate> candidates(int count) {
    List<MatchCandidate> candidates = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      candidates.add(candidate(i + 1));
    }
    return candidates;
  }

  public List<MatchOpening> openings(int count, double remoteShare) {
    List<MatchOpening> openings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      openings.add(opening(i + 1, remoteShare));
    }
    return openings;
  }
}
