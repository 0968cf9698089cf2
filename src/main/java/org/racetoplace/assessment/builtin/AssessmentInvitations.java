package org.racetoplace.assessment.builtin;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * Reads from the engine whether a case invites the candidate to the assessment: it waits for
 * message {@code AssessmentCompleted} (stage Assess), and until when — the due date of the
 * interrupting timer {@code Timer_AssessmentDeadline}. Reads only.
 */
@Component
public class AssessmentInvitations {

  /**
   * The case waits for a result.
   *
   * @param deadline when the assessment deadline timer is due; null when the case has none
   */
  public record Invitation(String processInstanceId, Instant deadline) {

    /** Whether a sitting may start, or an answer be taken, at {@code now}. */
    public boolean isOpenAt(Instant now) {
      return deadline == null || now.isBefore(deadline);
    }
  }

  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  public AssessmentInvitations(RuntimeService runtimeService, ManagementService managementService) {
    this.runtimeService = runtimeService;
    this.managementService = managementService;
  }

  /** The invitation of the application's case, if the case waits for an assessment result. */
  public Optional<Invitation> find(String reference) {
    Optional<String> processInstanceId =
        runtimeService
            .createExecutionQuery()
            .processInstanceBusinessKey(reference)
            .messageEventSubscriptionName(HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED)
            .list()
            .stream()
            .map(Execution::getProcessInstanceId)
            .filter(Objects::nonNull)
            .findFirst();
    return processInstanceId.map(id -> new Invitation(id, deadline(id)));
  }

  private Instant deadline(String processInstanceId) {
    return managementService
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .activityId(HiringPipeline.TIMER_ASSESSMENT_DEADLINE)
        .timers()
        .list()
        .stream()
        .map(Job::getDuedate)
        .filter(Objects::nonNull)
        .map(date -> date.toInstant())
        .min(Comparator.naturalOrder())
        .orElse(null);
  }
}
