package org.racetoplace.platform.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.racetoplace.pipeline.HiringPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: moves a sample case along the pipeline the way people would in Tasklist —
 * claim the task as a demo user, complete it with the form's fields — and runs the case's due
 * jobs (the mail steps) itself instead of waiting for the job executor. The tasks' listeners check
 * and store the answers exactly as they do for real users.
 *
 * <p>Each step returns whether the case reached the next task, so {@link DemoData} stops and logs
 * instead of failing the start-up when a case is somewhere else (e.g. the job executor was faster).
 */
@Component
@Profile("demo")
class DemoCaseProgress {

  private static final Logger log = LoggerFactory.getLogger(DemoCaseProgress.class);
  private static final DateTimeFormatter FORM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final TaskService taskService;
  private final ManagementService managementService;

  DemoCaseProgress(TaskService taskService, ManagementService managementService) {
    this.taskService = taskService;
    this.managementService = managementService;
  }

  /** The vetter of the community approves the anonymized profile. */
  boolean approveVetting(String processInstanceId, String vetter) {
    return complete(
        processInstanceId,
        HiringPipeline.TASK_VET_CANDIDATE,
        vetter,
        Map.of(HiringPipeline.VAR_VETTING_DECISION, HiringPipeline.DECISION_APPROVE))
        && reached(processInstanceId, HiringPipeline.TASK_SCHEDULE_INTERVIEW);
  }

  /** An interviewer books a video interview three days from now at 10:00. */
  boolean scheduleInterview(String processInstanceId, String interviewer) {
    String at = LocalDateTime.now(ZoneOffset.UTC).plusDays(3).withHour(10).truncatedTo(ChronoUnit.HOURS).format(FORM_DATE_TIME);
    return complete(
            processInstanceId,
            HiringPipeline.TASK_SCHEDULE_INTERVIEW,
            interviewer,
            Map.of(
                HiringPipeline.VAR_INTERVIEW_AT, at,
                HiringPipeline.VAR_INTERVIEW_FORMAT, "video",
                HiringPipeline.VAR_INTERVIEW_LOCATION, "https://meet.example.org/race-to-place-demo"))
        && reached(processInstanceId, HiringPipeline.TASK_CONDUCT_INTERVIEW);
  }

  /** The interview took place and went well; the case goes on to matching. */
  boolean passInterview(String processInstanceId, String interviewer) {
    return complete(
        processInstanceId,
        HiringPipeline.TASK_CONDUCT_INTERVIEW,
        interviewer,
        Map.of(
            HiringPipeline.VAR_INTERVIEW_ATTENDANCE, HiringPipeline.ATTENDANCE_ATTENDED,
            HiringPipeline.VAR_COMMUNICATION_SCORE, 4,
            HiringPipeline.VAR_TEAMWORK_SCORE, 4,
            HiringPipeline.VAR_PROBLEM_SOLVING_SCORE, 3,
            HiringPipeline.VAR_LEARNING_AGILITY_SCORE, 5,
            HiringPipeline.VAR_PROFESSIONALISM_SCORE, 4,
            HiringPipeline.VAR_INTERVIEW_RECOMMENDATION, "yes"));
  }

  /** The employer invites the candidate to its interview, then hires; staff confirm the start. */
  boolean hire(String processInstanceId, String employerUser, String staffUser) {
    return complete(
            processInstanceId,
            HiringPipeline.TASK_EMPLOYER_REVIEW,
            employerUser,
            Map.of(HiringPipeline.VAR_EMPLOYER_DECISION, HiringPipeline.DECISION_INVITE))
        && reached(processInstanceId, HiringPipeline.TASK_EMPLOYER_DECISION)
        && complete(
            processInstanceId,
            HiringPipeline.TASK_EMPLOYER_DECISION,
            employerUser,
            Map.of(HiringPipeline.VAR_HIRING_DECISION, HiringPipeline.DECISION_HIRE))
        && complete(
            processInstanceId,
            HiringPipeline.TASK_CONFIRM_PLACEMENT,
            staffUser,
            Map.of(HiringPipeline.VAR_PLACEMENT_START_DATE, LocalDate.now(ZoneOffset.UTC).plusWeeks(2).toString()))
        && runDueJobs(processInstanceId);
  }

  /** Whether the case waits at the given user task, after its due jobs have run. */
  boolean reached(String processInstanceId, String taskDefinitionKey) {
    runDueJobs(processInstanceId);
    boolean there = task(processInstanceId, taskDefinitionKey).isPresent();
    if (!there) {
      log.warn("Demo: case {} is not at {}; it stays where it is", processInstanceId, taskDefinitionKey);
    }
    return there;
  }

  private boolean complete(String processInstanceId, String taskDefinitionKey, String user, Map<String, Object> form) {
    Optional<Task> task = task(processInstanceId, taskDefinitionKey);
    if (task.isEmpty()) {
      log.warn("Demo: case {} has no open {}; it stays where it is", processInstanceId, taskDefinitionKey);
      return false;
    }
    taskService.claim(task.get().getId(), user);
    taskService.complete(task.get().getId(), form);
    return true;
  }

  private Optional<Task> task(String processInstanceId, String taskDefinitionKey) {
    return Optional.ofNullable(
        taskService
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskDefinitionKey)
            .singleResult());
  }

  /**
   * Runs the case's jobs that are due now (mail steps, the re-match after a posted opening), as
   * the job executor would a moment later. Timers due in days stay.
   */
  boolean runDueJobs(String processInstanceId) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return true;
      }
      for (Job job : due) {
        try {
          managementService.executeJob(job.getId());
        } catch (OptimisticLockingException | NullValueException alreadyRun) {
          // the job executor ran it meanwhile
        } catch (RuntimeException failed) {
          // the engine has counted the failed attempt; the job executor retries it later
          log.warn("Demo: job {} of case {} failed: {}", job.getId(), processInstanceId, failed.getMessage());
          return false;
        }
      }
    }
    return true;
  }
}
