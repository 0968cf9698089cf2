package org.racetoplace.reports;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/reports/adverse-impact}: selection rates by voluntary
 * self-identification at each decision stage, for all communities together ({@code overall}) and
 * for each community. Aggregates only; small groups are suppressed.
 *
 * @param fourFifthsThreshold impact ratios below this are flagged (29 CFR 1607.4(D))
 * @param minimumGroupSize groups with fewer candidates at a stage are suppressed
 */
public record AdverseImpactReport(
    ReportPeriod period,
    Instant generatedAt,
    double fourFifthsThreshold,
    int minimumGroupSize,
    CommunityImpact overall,
    List<CommunityImpact> communities) {

  /**
   * @param candidates applications in the period
   * @param withoutSelfIdentification of those, how many gave neither sex nor race/ethnicity
   */
  public record CommunityImpact(
      String community,
      String communityName,
      long candidates,
      long withoutSelfIdentification,
      List<StageImpact> stages) {}

  /**
   * One decision stage.
   *
   * @param considered candidates the stage decided on
   * @param selected of those, how many it advanced
   */
  public record StageImpact(
      String stage, String label, long considered, long selected, List<DimensionImpact> dimensions) {}

  /**
   * One question of the self-identification at one stage.
   *
   * @param dimension {@code SEX} or {@code RACE_ETHNICITY}
   * @param referenceGroup the group with the highest selection rate (null when no group is large
   *     enough or none was selected)
   * @param groups the answers given, by name
   * @param notDisclosed those who left the question unanswered: shown, never compared
   */
  public record DimensionImpact(
      String dimension, String label, String referenceGroup, List<GroupImpact> groups, GroupImpact notDisclosed) {}

  /**
   * One group. A suppressed group (fewer than the minimum at this stage) carries its name only.
   *
   * @param selectionRate selected ÷ considered (4 decimals)
   * @param impactRatio the rate ÷ the reference group's rate (4 decimals)
   * @param belowFourFifths whether the impact ratio is below the threshold
   * @param fisherP two-sided p-value of Fisher's exact test, this group against the reference
   *     group; null for the reference group itself
   * @param reference whether this is the reference group
   */
  public record GroupImpact(
      String group,
      boolean suppressed,
      Long considered,
      Long selected,
      Double selectionRate,
      Double impactRatio,
      Boolean belowFourFifths,
      Double fisherP,
      boolean reference) {}
}
