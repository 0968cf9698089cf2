package org.racetoplace.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The ranking of the Match stage: plain weighted skill overlap. Kept to this one class so the full
 * matching engine planned later replaces it without touching the rest of the stage.
 *
 * <p><b>Which openings count.</b> An opening is considered for a case when it is {@code OPEN}, has
 * a position left ({@code filled < positions}), belongs to an active partner, is in the case's
 * community or allows remote work, and was never proposed to this case before (whatever came of
 * it). A required skill the candidate lacks, or holds below its minimum level, excludes the
 * opening.
 *
 * <p><b>Score (0–100).</b> With the candidate's level {@code l} of a skill (0 when not listed; see
 * {@link CandidateSkills}) and the skill's minimum level {@code m} and weight {@code w}:
 *
 * <pre>
 *   score = 80 × Σ_required  w × min(1, l/m) / Σ_required  w
 *         + 20 × Σ_preferred w × min(1, l/m) / Σ_preferred w
 * </pre>
 *
 * A preferred skill held below its level earns its share in proportion (level 1 of a preferred
 * level 2 earns half its weight). Since a required skill below its minimum excludes the opening,
 * every opening that is ranked at all has the full 80 for its required skills; the term is written
 * out anyway, so the explanation shows what each skill is worth. An opening without preferred
 * (or without required) skills gives that part in full: nothing asked for, nothing missing.
 *
 * <p><b>Rounding.</b> Each skill's points are computed exactly (ten decimal places); the score is
 * their sum rounded once, half up, to one decimal place, and that rounded score is what openings
 * are ranked by and what is stored. The explanation shows each skill's points rounded the same way,
 * without trailing zeros ({@code 40/40}, {@code 13.3/26.7}), so its lines may differ from the
 * total by a rounding step.
 *
 * <p><b>Order.</b> Higher score first; on equal scores an opening in the case's own community
 * before a remote-only one; then the lower opening id (the older opening). The order is total, so
 * the same data always gives the same proposal.
 */
@Component
public class SkillOverlapRanker {

  static final BigDecimal REQUIRED_SHARE = BigDecimal.valueOf(80);
  static final BigDecimal PREFERRED_SHARE = BigDecimal.valueOf(20);

  private static final int EXACT_SCALE = 10;

  private static final Comparator<RankedOpening> BEST_FIRST =
      Comparator.comparing(RankedOpening::score)
          .reversed()
          .thenComparing(RankedOpening::sameCommunity, Comparator.reverseOrder())
          .thenComparingLong(RankedOpening::openingId);

  /**
   * The openings the candidate may be proposed, best first.
   *
   * @param communityId the case's community
   * @param alreadyProposed ids of openings proposed to this case before
   */
  public List<RankedOpening> rank(
      CandidateSkills candidate,
      String communityId,
      Collection<OpeningProfile> openings,
      Set<Long> alreadyProposed) {
    List<RankedOpening> ranked = new ArrayList<>();
    for (OpeningProfile opening : openings) {
      if (considered(opening, communityId, alreadyProposed)) {
        score(candidate, opening, opening.communityId().equals(communityId)).ifPresent(ranked::add);
      }
    }
    ranked.sort(BEST_FIRST);
    return List.copyOf(ranked);
  }

  /** Whether the opening may be proposed to the case at all, skills aside. */
  static boolean considered(OpeningProfile opening, String communityId, Set<Long> alreadyProposed) {
    return opening.status() == OpeningStatus.OPEN
        && opening.filled() < opening.positions()
        && opening.employerActive()
        && (opening.communityId().equals(communityId) || opening.remoteAllowed())
        && !alreadyProposed.contains(opening.id());
  }

  /**
   * Scores one opening for the candidate; empty when a required skill is missing or below its
   * minimum level.
   */
  public Optional<RankedOpening> score(
      CandidateSkills candidate, OpeningProfile opening, boolean sameCommunity) {
    List<OpeningSkill> required = opening.skills().stream().filter(OpeningSkill::required).toList();
    List<OpeningSkill> preferred = opening.skills().stream().filter(s -> !s.required()).toList();
    for (OpeningSkill skill : required) {
      int level = candidate.find(skill.name()).map(CandidateSkills.Entry::level).orElse(0);
      if (level < skill.minLevel()) {
        return Optional.empty();
      }
    }

    StringBuilder explanation = new StringBuilder();
    explanation
        .append("Location: ")
        .append(sameCommunity ? "in the candidate's community" : "remote work allowed (opening in another community)")
        .append('\n');
    BigDecimal total =
        part("Required skills", "required", REQUIRED_SHARE, required, candidate, explanation)
            .add(part("Preferred skills", "preferred", PREFERRED_SHARE, preferred, candidate, explanation));
    BigDecimal score = total.setScale(1, RoundingMode.HALF_UP);
    explanation.append("Score: ").append(points(score)).append("/100");
    return Optional.of(new RankedOpening(opening.id(), score, sameCommunity, explanation.toString()));
  }

  /** One part of the score (required or preferred skills), exact; appends its explanation lines. */
  private static BigDecimal part(
      String heading,
      String kind,
      BigDecimal share,
      List<OpeningSkill> skills,
      CandidateSkills candidate,
      StringBuilder explanation) {
    explanation.append(heading).append(" (").append(points(share)).append(" points):\n");
    if (skills.isEmpty()) {
      explanation.append("- none asked for → ").append(points(share)).append('/').append(points(share)).append('\n');
      return share;
    }
    BigDecimal totalWeight =
        BigDecimal.valueOf(skills.stream().mapToInt(OpeningSkill::weight).sum());
    BigDecimal sum = BigDecimal.ZERO;
    for (OpeningSkill skill : skills) {
      Optional<CandidateSkills.Entry> held = candidate.find(skill.name());
      int level = held.map(CandidateSkills.Entry::level).orElse(0);
      BigDecimal worth =
          share.multiply(BigDecimal.valueOf(skill.weight())).divide(totalWeight, EXACT_SCALE, RoundingMode.HALF_EVEN);
      BigDecimal earned =
          worth
              .multiply(BigDecimal.valueOf(Math.min(level, skill.minLevel())))
              .divide(BigDecimal.valueOf(skill.minLevel()), EXACT_SCALE, RoundingMode.HALF_EVEN);
      sum = sum.add(earned);
      explanation
          .append("- ")
          .append(skill.name())
          .append(": ")
          .append(kind)
          .append(" level ")
          .append(skill.minLevel())
          .append(", ")
          .append(
              held.map(entry -> "candidate level " + entry.level() + " (" + entry.source() + ")")
                  .orElse("not listed by the candidate"))
          .append(" → ")
          .append(points(earned))
          .append('/')
          .append(points(worth))
          .append('\n');
    }
    return sum;
  }

  /** One decimal, half up, no trailing zeros: 40, 13.3, 6.7. */
  static String points(BigDecimal value) {
    BigDecimal rounded = value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }
}
