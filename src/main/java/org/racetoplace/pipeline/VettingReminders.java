package org.racetoplace.pipeline;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The vetting reminder: a task nobody has finished after {@code hiring.timers.vetting-reminder}
 * moves to the top of its group's Tasklist (Tasklist sorts and colours by priority), which every
 * volunteer of the community sees without any mail.
 */
@Component("vettingReminders")
public class VettingReminders {

  /** Above Camunda's default of 50. */
  static final int REMINDED_PRIORITY = 80;

  private final TaskService taskService;

  public VettingReminders(TaskService taskService) {
    this.taskService = taskService;
  }

  public void raisePriority(DelegateExecution execution) {
    for (Task task :
        taskService.createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(HiringPipeline.TASK_VET_CANDIDATE)
            .list()) {
      taskService.setPriority(task.getId(), Math.max(task.getPriority(), REMINDED_PRIORITY));
    }
  }
}
