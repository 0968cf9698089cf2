package org.racetoplace.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.racetoplace.interview.InterviewRecommendation;

/**
 * The score of a candidate for an opening, 0–100 with one decimal, and its explanation. The
 * formula, documented with examples in {@code docs/matching.md}:
 *
 * <pre>
 *   credit(skill) = max( direct:  evidence × min(1, level / minLevel),
 *                        related: link credit × evidence(of the related skill) × min(1, its level / minLevel) )
 *   score = 75 × Σ_required w·credit / Σ_required w       (a required skill with no credit at all excludes the pair)
 *         + 10 × Σ_preferred w·credit / Σ_preferred w     (a bonus: 0 when nothing is preferred)
 *         +  5 in the candidate's community, 3 for a remote opening elsewhere
 *         + 10 × interview (½ × score/100 + ½ × recommendation: strong-yes 1, yes ¾, no ¼, strong-no 0; 0 without an interview)
 * </pre>
 *
 * Evidence factors: self-reported 0.6, project 0.7, certificate 0.8, assessment 0.9, vetter 1.0.
 * The total is rounded once, half up, to one decimal ({@link #score} returns tenths).
 *
 * <p>Scoring allocates nothing when no explanation is asked for: {@link #score} works on the
 * compiled arrays of {@link MatchCandidate} and {@link MatchOpening}.
 */
public final class MatchScorer {

  static final double REQUIRED_POINTS = 75;
  static final double PREFERRED_POINTS = 10;
  static final double HOME_POINTS = 5;
  static final double REMOTE_POINTS = 3;
  static final double INTERVIEW_POINTS = 10;

  /** What {@link #score} returns for a pair a missing required skill excludes. */
  public static final int EXCLUDED = -1;

  private MatchScorer() {}

  /** The interview's points (0–10) from the latest attended scorecard. */
  static double interviewPoints(InterviewRecommendation recommendation, Integer score) {
    if (recommendation == null && score == null) {
      return 0;
    }
    double recommended = recommendation == null ? 0 : recommendationValue(recommendation);
    if (score == null) {
      return INTERVIEW_POINTS * recommended;
    }
    double scored = Math.max(0, Math.min(100, score)) / 100.0;
    return INTERVIEW_POINTS * (0.5 * scored + 0.5 * recommended);
  }

  static double recommendationValue(InterviewRecommendation recommendation) {
    return switch (recommendation) {
      case STRONG_YES -> 1.0;
      case YES -> 0.75;
      case NO -> 0.25;
      case STRONG_NO -> 0.0;
    };
  }

  /**
   * The score in tenths (0–1000), or {@link #EXCLUDED} when a required skill is neither held nor
   * covered by a related skill. Does not check whether the opening may be proposed at all.
   */
  public static int score(MatchCandidate candidate, MatchOpening opening) {
    return compute(candidate, opening, null, null);
  }

  /**
   * The score with its explanation, or null when the pair is excluded. The explanation names the
   * skills by the {@code vocabulary} the candidate and the opening were compiled with.
   */
  public static Explained explain(MatchCandidate candidate, MatchOpening opening, SkillVocabulary vocabulary) {
    StringBuilder text = new StringBuilder(512);
    int tenths = compute(candidate, opening, text, vocabulary);
    return tenths == EXCLUDED ? null : new Explained(tenths, text.toString());
  }

  /** A score with its explanation: per skill how it matched, with what evidence, worth how much. */
  public record Explained(int tenths, String explanation) {
    public BigDecimal score() {
      return BigDecimal.valueOf(tenths, 1);
    }
  }

  private static int compute(MatchCandidate candidate, MatchOpening opening, StringBuilder text, SkillVocabulary vocabulary) {
    boolean home = opening.communityId.equals(candidate.communityId);
    double location = home ? HOME_POINTS : opening.remoteAllowed ? REMOTE_POINTS : 0;
    if (text != null) {
      text.append("Location: ")
          .append(home ? "in the candidate's community" : opening.remoteAllowed ? "remote work allowed (opening in another community)" : "another community, not remote")
          .append(" → ")
          .append(points(location))
          .append('/')
          .append(points(HOME_POINTS))
          .append('\n');
    }
    double required =
        part(candidate, opening.requiredIds, opening.requiredMin, opening.requiredWeight,
            opening.requiredTotalWeight, REQUIRED_POINTS, true, text, vocabulary);
    if (required < 0) {
      return EXCLUDED;
    }
    double preferred =
        part(candidate, opening.preferredIds, opening.preferredMin, opening.preferredWeight,
            opening.preferredTotalWeight, PREFERRED_POINTS, false, text, vocabulary);
    double total = location + required + preferred + candidate.interviewPoints;
    int tenths = (int) Math.round(Math.min(100, total) * 10);
    if (text != null) {
      text.append("Interview: ")
          .append(candidate.interviewExplanation)
          .append(" → ")
          .append(points(candidate.interviewPoints))
          .append('/')
          .append(points(INTERVIEW_POINTS))
          .append('\n');
      text.append("Score: ").append(points(tenths / 10.0)).append("/100");
    }
    return tenths;
  }

  /** One part (required or preferred skills); -1 when a required skill is missing. */
  private static double part(
      MatchCandidate candidate,
      int[] ids,
      int[] min,
      int[] weight,
      int totalWeight,
      double share,
      boolean required,
      StringBuilder text,
      SkillVocabulary vocabulary) {
    if (text != null) {
      text.append(required ? "Required skills (" : "Preferred skills (bonus, up to ").append(points(share)).append(" points):\n");
    }
    if (ids.length == 0) {
      // only preferred skills can be absent (an opening requires at least one): no bonus
      if (text != null) {
        text.append("- none asked for → no bonus\n");
      }
      return 0;
    }
    double earned = 0;
    for (int i = 0; i < ids.length; i++) {
      double worth = share * weight[i] / totalWeight;
      double credit = 0;
      int direct = Arrays.binarySearch(candidate.ids, ids[i]);
      if (direct >= 0) {
        credit = candidate.evidence[direct].factor() * Math.min(1.0, (double) candidate.levels[direct] / min[i]);
      }
      int related = Arrays.binarySearch(candidate.relatedTargets, ids[i]);
      double relatedCredit = 0;
      if (related >= 0) {
        int source = candidate.relatedSources[related];
        relatedCredit =
            candidate.relatedCredits[related]
                * candidate.evidence[source].factor()
                * Math.min(1.0, (double) candidate.levels[source] / min[i]);
      }
      boolean viaRelated = relatedCredit > credit;
      if (viaRelated) {
        credit = relatedCredit;
      }
      if (direct < 0 && related < 0 && required) {
        if (text != null) {
          text.append("- ").append(vocabulary.nameOf(ids[i])).append(": required, not held and no related skill → excluded\n");
        }
        return -1;
      }
      earned += worth * credit;
      if (text != null) {
        text.append("- ")
            .append(vocabulary.nameOf(ids[i]))
            .append(": ")
            .append(required ? "required" : "preferred")
            .append(" level ")
            .append(min[i])
            .append(", weight ")
            .append(weight[i])
            .append(" — ");
        if (direct < 0 && related < 0) {
          text.append("not held");
        } else if (viaRelated) {
          int source = candidate.relatedSources[related];
          text.append("via related ")
              .append(vocabulary.nameOf(candidate.ids[source]))
              .append(" (link credit ")
              .append(decimal(candidate.relatedCredits[related]))
              .append("), level ")
              .append(candidate.levels[source])
              .append(", ")
              .append(candidate.evidence[source].label())
              .append(" (")
              .append(candidate.sources[source])
              .append(")");
        } else {
          text.append("held at level ")
              .append(candidate.levels[direct])
              .append(", ")
              .append(candidate.evidence[direct].label())
              .append(" (")
              .append(candidate.sources[direct])
              .append(")");
        }
        text.append(" → ").append(points(worth * credit)).append('/').append(points(worth)).append('\n');
      }
    }
    return earned;
  }

  /** One decimal, half up, no trailing zeros: 40, 13.3, 6.7. */
  static String points(double value) {
    return decimal(BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP));
  }

  static String points(BigDecimal value) {
    return decimal(value.setScale(1, RoundingMode.HALF_UP));
  }

  private static String decimal(double value) {
    return decimal(BigDecimal.valueOf(value));
  }

  private static String decimal(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
  }
}
