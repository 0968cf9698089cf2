package org.racetoplace.ops;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/ops/stuck-cases}: the cases waiting longer than their target
 * (sorted by community, stage in pipeline order, oldest wait first) and the open failed jobs
 * grouped by activity and message. No personal data: a case is named by its reference only.
 */
public record StuckCaseReport(Instant generatedAt, List<StuckCase> cases, List<IncidentGroup> incidents) {

  /**
   * One case past target at one activity.
   *
   * @param kind {@code TASK} (a user task someone has to complete) or {@code WAIT} (the case
   *     waits for the candidate)
   * @param target the service-level target, ISO 8601 ({@code P5D})
   * @param overdueBy how much longer than the target it has waited, ISO 8601 ({@code P1DT2H})
   * @param assignee the user id the task is assigned to; null when unassigned or a wait
   * @param candidateGroups the groups that may claim an unassigned task; empty otherwise
   * @param taskId the Tasklist task; null for a wait
   */
  public record StuckCase(
      String reference,
      String community,
      String stage,
      String stageName,
      String activityId,
      String activityName,
      WatchedActivity.Kind kind,
      Instant waitingSince,
      String target,
      String overdueBy,
      String assignee,
      List<String> candidateGroups,
      long openIncidents,
      String processInstanceId,
      String taskId,
      Links links) {}

  /** Where staff act on the case: Cockpit always, Tasklist for a user task. */
  public record Links(String cockpit, String tasklist) {}

  /** Open failed jobs with the same activity and message. */
  public record IncidentGroup(String activityId, String message, long count) {}
}
