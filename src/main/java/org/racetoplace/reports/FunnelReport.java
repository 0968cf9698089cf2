package org.racetoplace.reports;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/reports/funnel}: the pilot funnel of the applications submitted in
 * the period, for all communities together ({@code overall}) and for each community. Counts only;
 * no case is named.
 */
public record FunnelReport(
    ReportPeriod period, Instant generatedAt, CommunityFunnel overall, List<CommunityFunnel> communities) {

  /**
   * One community's funnel; {@code community} is null for the overall figures.
   *
   * @param stages the seven funnel steps in order, each with its conversion from the step before
   * @param timeInStage time spent in each stage of the pipeline, over the stage visits that ended
   * @param applicationToPlacement from submission to the confirmed placement, over placed cases
   * @param placementsByEmployer confirmed placements per employer partner, most first
   * @param exits withdrawals and expiries by the stage the case was in when it ended
   */
  public record CommunityFunnel(
      String community,
      String communityName,
      List<StageCount> stages,
      List<StageTime> timeInStage,
      StageTime applicationToPlacement,
      List<EmployerPlacements> placementsByEmployer,
      List<Exit> exits) {}

  /**
   * One funnel step.
   *
   * @param conversionFromPrevious count ÷ the previous step's count (4 decimals); null for the
   *     first step and when the previous step is 0
   */
  public record StageCount(String stage, String label, long count, Double conversionFromPrevious) {}

  /**
   * Durations in days (2 decimals); all null when {@code cases} is 0.
   *
   * @param cases how many durations the figures are taken over
   */
  public record StageTime(
      String stage,
      String label,
      long cases,
      Double minDays,
      Double p10Days,
      Double medianDays,
      Double p90Days,
      Double maxDays) {}

  public record EmployerPlacements(String employer, String name, long placements) {}

  /**
   * @param outcome {@code WITHDRAWN} or {@code EXPIRED}
   * @param stage the BPMN id of the stage ({@code Stage_Assess})
   */
  public record Exit(String outcome, String stage, String stageLabel, long count) {}
}
