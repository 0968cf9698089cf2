package org.racetoplace.privacy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.racetoplace.ops.PipelineStage;
import org.springframework.stereotype.Component;

/**
 * The engine's side of an erasure, through the engine's own APIs (no SQL on {@code ACT_*}
 * tables, so an engine upgrade that adds a history table keeps being covered):
 *
 * <ol>
 *   <li>a running case is ended with {@link RuntimeService#deleteProcessInstance(String, String,
 *       boolean, boolean, boolean, boolean)}, custom listeners skipped, so no mail goes out to an
 *       address about to be erased;
 *   <li>its history is deleted with {@link HistoryService#deleteHistoricProcessInstancesIfExists}:
 *       the historic process, activity and task instances, variables and their byte arrays,
 *       historic details (every value a variable ever had, form fields), comments and attachments,
 *       identity links, incidents, job logs and the user operation log entries of the case;
 *   <li>what that leaves is deleted one by one: decisions evaluated for the case and any user
 *       operation log entry of the case still there.
 * </ol>
 *
 * The history clean-up would remove the same rows 180 days after the case ended; an erasure does
 * not wait for it.
 */
@Component
class CaseHistoryEraser {

  static final String DELETE_REASON = "Personal data erased";

  private static final Set<String> STAGE_IDS =
      Arrays.stream(PipelineStage.values()).map(PipelineStage::id).collect(Collectors.toSet());

  /** When a case was in one of the pipeline's stages. */
  record StagePeriod(String stage, Instant enteredAt, Instant leftAt) {}

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  CaseHistoryEraser(RuntimeService runtimeService, HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  /**
   * The process instances that belong to a case: the one linked to the application, every other
   * with the reference as business key (a case restarted by an operator, a paper application's
   * own process), and their sub-process instances.
   */
  List<String> processInstancesOf(String reference, String linkedProcessInstanceId) {
    Set<String> ids = new LinkedHashSet<>();
    if (linkedProcessInstanceId != null) {
      ids.add(linkedProcessInstanceId);
    }
    historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list()
        .forEach(instance -> ids.add(instance.getId()));
    runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
        .forEach(instance -> ids.add(instance.getId()));
    List<String> pending = new ArrayList<>(ids);
    while (!pending.isEmpty()) {
      String parent = pending.remove(pending.size() - 1);
      for (HistoricProcessInstance child :
          historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(parent).list()) {
        if (ids.add(child.getId())) {
          pending.add(child.getId());
        }
      }
    }
    return List.copyOf(ids);
  }

  /** Ends whichever of the instances still run; whether any did. */
  boolean endRunning(Collection<String> processInstanceIds) {
    boolean ended = false;
    for (String id : processInstanceIds) {
      ProcessInstance running =
          runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
      if (running != null) {
        runtimeService.deleteProcessInstance(id, DELETE_REASON, true, true, true, false);
        ended = true;
      }
    }
    return ended;
  }

  /** The stages the case passed through, from the history that is about to be deleted. */
  List<StagePeriod> stagePeriods(Collection<String> processInstanceIds) {
    List<StagePeriod> periods = new ArrayList<>();
    for (String id : processInstanceIds) {
      for (HistoricActivityInstance activity :
          historyService.createHistoricActivityInstanceQuery()
              .processInstanceId(id)
              .orderByHistoricActivityInstanceStartTime()
              .asc()
              .list()) {
        if (STAGE_IDS.contains(activity.getActivityId()) && activity.getStartTime() != null) {
          periods.add(
              new StagePeriod(
                  activity.getActivityId(),
                  activity.getStartTime().toInstant(),
                  activity.getEndTime() == null ? null : activity.getEndTime().toInstant()));
        }
      }
    }
    return periods;
  }

  /** Deletes everything the engine's history holds of the (ended) instances. */
  void deleteHistory(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return;
    }
    List<String> ids = List.copyOf(processInstanceIds);
    for (String id : ids) {
      for (HistoricDecisionInstance decision :
          historyService.createHistoricDecisionInstanceQuery().processInstanceId(id).list()) {
        historyService.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
      }
    }
    historyService.deleteHistoricProcessInstancesIfExists(ids);
    for (String id : ids) {
      for (UserOperationLogEntry entry :
          historyService.createUserOperationLogQuery().processInstanceId(id).list()) {
        historyService.deleteUserOperationLogEntry(entry.getId());
      }
    }
  }
}
