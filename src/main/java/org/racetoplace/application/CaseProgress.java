package org.racetoplace.application;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * Reads from the engine where a case stands: the stage, and the deadlines a candidate should
 * know. Reads only; the application's own status is the record of how a case ended.
 */
@Component
class CaseProgress {

  /** Open user tasks whose due date a candidate may see, and how to say it. */
  static final Map<String, String> TASK_DEADLINES =
      Map.of(
          HiringPipeline.TASK_VET_CANDIDATE, "We aim to finish reviewing your application by",
          HiringPipeline.TASK_SCHEDULE_INTERVIEW, "We aim to schedule your interview by");

  /** Timers that are deadlines for the candidate; a timer not listed here is internal. */
  static final Map<String, String> TIMER_DEADLINES =
      Map.of(
          HiringPipeline.TIMER_ASSESSMENT_DEADLINE, "Complete the online assessment by",
          HiringPipeline.TIMER_CANDIDATE_UPDATE_TIMEOUT, "Send us the information we asked for by");

  public record Deadline(String description, Instant due) {}

  record Progress(CandidateStage stage, List<Deadline> deadlines) {}

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final ManagementService managementService;

  CaseProgress(
      RuntimeService runtimeService,
      HistoryService historyService,
      TaskService taskService,
      ManagementService managementService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  Progress of(Application application) {
    if (!application.getStatus().isActive()) {
      return new Progress(CandidateStage.ofClosedStatus(application.getStatus()), List.of());
    }
    String processInstanceId = application.getProcessInstanceId();
    if (processInstanceId == null) {
      return new Progress(CandidateStage.APPLY, List.of());
    }
    ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
    if (tree == null) {
      // ended in the engine, but the outcome is not recorded on the application (yet)
      return new Progress(endedStage(processInstanceId), List.of());
    }
    CandidateStage stage =
        CandidateStage.ofActiveActivities(activityIdsOuterFirst(tree)).orElse(CandidateStage.APPLY);
    return new Progress(stage, deadlines(processInstanceId));
  }

  boolean isRunning(String processInstanceId) {
    return processInstanceId != null
        && runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  private static List<String> activityIdsOuterFirst(ActivityInstance root) {
    List<String> ids = new ArrayList<>();
    Deque<ActivityInstance> queue = new ArrayDeque<>(List.of(root.getChildActivityInstances()));
    for (TransitionInstance transition : root.getChildTransitionInstances()) {
      ids.add(transition.getActivityId());
    }
    while (!queue.isEmpty()) {
      ActivityInstance instance = queue.removeFirst();
      ids.add(instance.getActivityId());
      queue.addAll(List.of(instance.getChildActivityInstances()));
      for (TransitionInstance transition : instance.getChildTransitionInstances()) {
        ids.add(transition.getActivityId());
      }
    }
    return ids;
  }

  private CandidateStage endedStage(String processInstanceId) {
    List<HistoricActivityInstance> ended =
        historyService
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .finished()
            .list();
    return ended.stream()
        .map(instance -> CandidateStage.END_EVENTS.get(instance.getActivityId()))
        .filter(stage -> stage != null)
        .findFirst()
        .orElse(CandidateStage.CLOSED);
  }

  private List<Deadline> deadlines(String processInstanceId) {
    List<Deadline> deadlines = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      String description = TASK_DEADLINES.get(task.getTaskDefinitionKey());
      if (description != null && task.getDueDate() != null) {
        deadlines.add(new Deadline(description, task.getDueDate().toInstant()));
      }
    }
    TIMER_DEADLINES.forEach(
        (timerId, description) -> {
          for (Job timer :
              managementService
                  .createJobQuery()
                  .processInstanceId(processInstanceId)
                  .activityId(timerId)
                  .timers()
                  .list()) {
            if (timer.getDuedate() != null) {
              deadlines.add(new Deadline(description, timer.getDuedate().toInstant()));
            }
          }
        });
    deadlines.sort(Comparator.comparing(Deadline::due));
    return deadlines;
  }
}
