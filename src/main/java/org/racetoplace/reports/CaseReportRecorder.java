package org.racetoplace.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.racetoplace.ops.PipelineStage;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps {@code case_report} current from the engine's history events: when a {@code Stage_*}
 * sub-process of {@code hiring-pipeline} starts, the case's furthest stage; when it ends (left,
 * interrupted by a timer or cancelled by a withdrawal), its duration is added to that stage's
 * time. It runs as one of the engine's history handlers, so inside the command that produced the
 * event and on its transaction's connection: the row commits or rolls back with the step of the
 * case, and each change is a relative update of one row (no read-modify-write, no lost update).
 *
 * <p>A case gets its row when it starts, so each later event is one update. A case met without
 * a row (started before this table existed) is first filled from the history already written, as
 * the backfill would, then the event is applied on top: the history row of the event itself is
 * written only when the engine flushes, after this handler.
 */
public class CaseReportRecorder implements HistoryEventHandler {

  private final JdbcTemplate jdbc;

  public CaseReportRecorder(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricProcessInstanceEventEntity started
        && HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(started.getEventType())
        && HiringPipeline.PROCESS_ID.equals(started.getProcessDefinitionKey())) {
      // a new process instance id: no row and no history to fill one from can exist yet
      CaseReportSql.insertEmptyRow(jdbc, started.getProcessInstanceId(), ClockUtil.getCurrentTime().toInstant());
      return;
    }
    if (!(event instanceof HistoricActivityInstanceEventEntity activity)
        || !HiringPipeline.PROCESS_ID.equals(activity.getProcessDefinitionKey())) {
      return;
    }
    Optional<PipelineStage> stage = stageOf(activity.getActivityId());
    if (stage.isEmpty()) {
      return;
    }
    if (HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(activity.getEventType())) {
      int reached = CaseReportSql.ordinal(stage.get());
      record(activity.getProcessInstanceId(),
          "stage_reached = case when stage_reached is null or stage_reached < ? then ? else stage_reached end",
          reached, reached);
    } else if (HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(activity.getEventType())
        && activity.getEndTime() != null && activity.getDurationInMillis() != null) {
      String column = CaseReportSql.durationColumn(stage.get());
      record(activity.getProcessInstanceId(), column + " = coalesce(" + column + ", 0) + ?",
          activity.getDurationInMillis());
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  private void record(String processInstanceId, String assignment, Object... values) {
    CaseReportSql.update(jdbc, processInstanceId, assignment, ClockUtil.getCurrentTime().toInstant(), values);
  }

  private static Optional<PipelineStage> stageOf(String activityId) {
    return Arrays.stream(PipelineStage.values()).filter(s -> s.id().equals(activityId)).findFirst();
  }
}
