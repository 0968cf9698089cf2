package org.racetoplace.interview;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.racetoplace.pipeline.HiringPipeline;

/** What the interview listeners and delegate read besides the form: whose case, and who acts. */
final class TaskCases {

  private TaskCases() {}

  /** The application reference: the case variable, else the business key (they are the same). */
  static String referenceOf(VariableScope scope, String businessKey) {
    Object reference = scope.getVariable(HiringPipeline.VAR_APPLICATION_REFERENCE);
    if (reference instanceof String value && !value.isBlank()) {
      return value;
    }
    if (businessKey == null || businessKey.isBlank()) {
      throw new IllegalStateException(
          "The case belongs to no application: neither "
              + HiringPipeline.VAR_APPLICATION_REFERENCE + " nor a business key is set");
    }
    return businessKey;
  }

  static String referenceOf(DelegateTask task) {
    return referenceOf(task, task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
  }

  /**
   * The user completing the task: its assignee (Tasklist completes claimed tasks), else whoever is
   * signed in to the engine; null when neither is known.
   */
  static String userOf(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
