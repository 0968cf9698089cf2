package org.racetoplace.assessment.provider;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.racetoplace.application.Application;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * Reads from the engine whether an application's case can take an assessment result: now, later,
 * or never. Reads only.
 */
@Component
class AssessmentCases {

  /**
   * Stages in which a case has not yet had its result: a result that arrives then waits for it. A
   * change within these stages (a step added before the wait) needs no change here.
   */
  static final Set<String> STAGES_BEFORE_RESULT = Set.of(HiringPipeline.STAGE_APPLY, HiringPipeline.STAGE_ASSESS);

  enum Readiness {
    /** The case waits at message {@code AssessmentCompleted}. */
    WAITING,
    /** The case has not reached the message yet; it will. */
    NOT_YET,
    /** The case will never take it: ended, or past stage Assess. */
    NEVER
  }

  /** How ready a case is, and for {@link Readiness#NEVER} why not. */
  record CaseReadiness(Readiness readiness, String reason) {

    static CaseReadiness never(String reason) {
      return new CaseReadiness(Readiness.NEVER, reason);
    }
  }

  private static final CaseReadiness WAITING = new CaseReadiness(Readiness.WAITING, null);
  private static final CaseReadiness NOT_YET = new CaseReadiness(Readiness.NOT_YET, null);

  private final RuntimeService runtimeService;

  AssessmentCases(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  CaseReadiness readinessOf(Application application) {
    if (!application.getStatus().isActive()) {
      return CaseReadiness.never("the application is closed (" + application.getStatus() + ")");
    }
    String processInstanceId = application.getProcessInstanceId();
    if (processInstanceId == null) {
      // intake links the case in the transaction that stores the application; be patient anyway
      return NOT_YET;
    }
    ActivityInstance tree = runtimeService.getActivityInstance(processInstanceId);
    if (tree == null) {
      return CaseReadiness.never("the case has ended");
    }
    if (waitsForResult(processInstanceId)) {
      return WAITING;
    }
    if (activeIds(tree).stream().anyMatch(STAGES_BEFORE_RESULT::contains)) {
      return NOT_YET;
    }
    return CaseReadiness.never("the case is past stage Assess");
  }

  private boolean waitsForResult(String processInstanceId) {
    return runtimeService
            .createExecutionQuery()
            .processInstanceId(processInstanceId)
            .messageEventSubscriptionName(HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED)
            .count()
        > 0;
  }

  /** Every activity the case is in, scopes included, and those with a job before them. */
  private static List<String> activeIds(ActivityInstance root) {
    List<String> ids = new ArrayList<>();
    Deque<ActivityInstance> queue = new ArrayDeque<>(List.of(root));
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
}
