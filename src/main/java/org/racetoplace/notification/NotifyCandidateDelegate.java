package org.racetoplace.notification;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Service tasks that tell the candidate something: {@code
 * camunda:delegateExpression="${notifyCandidateDelegate}"}, {@code camunda:asyncBefore="true"} and
 * a retry cycle such as {@code R3/PT5M}, so a mail server that is down becomes an incident.
 *
 * <p>Reads from the task:
 *
 * <ul>
 *   <li>{@value #VAR_EVENT} (input parameter, required): a {@link NotificationEvent} name
 *       ({@code CONFIRMATION_WITH_INVITATION}) or key ({@code confirmation});
 *   <li>{@value #VAR_SEQUENCE} (optional): for events that may happen more than once in a case,
 *       e.g. the number of the reminder; it becomes part of the dedup key;
 *   <li>{@value #VAR_OUTCOME} (input parameter, optional): a stage outcome the message depends on,
 *       e.g. {@code ${vettingDecision}} for {@link NotificationEvent#VETTING_OUTCOME};
 *   <li>{@code applicationReference} (process variable; the business key if it is missing).
 * </ul>
 *
 * <p>The address and name come from the {@link RecipientDirectory}, never from process variables.
 * Writes no variables.
 */
@Component("notifyCandidateDelegate")
public class NotifyCandidateDelegate implements JavaDelegate {

  public static final String VAR_EVENT = "notificationEvent";
  public static final String VAR_SEQUENCE = "notificationSequence";
  public static final String VAR_OUTCOME = "notificationOutcome";

  private final NotificationService notifications;
  private final ObjectProvider<RecipientDirectory> recipients;

  // An ObjectProvider, so the application starts before the application package provides the
  // directory; a notification asked for without one fails its job with a clear message.
  public NotifyCandidateDelegate(
      NotificationService notifications, ObjectProvider<RecipientDirectory> recipients) {
    this.notifications = notifications;
    this.recipients = recipients;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NotificationEvent event = event(execution);
    String reference = reference(execution);
    Recipient recipient = recipient(reference);

    Map<String, Object> model = new HashMap<>();
    if (recipient.statusUrl() != null && !recipient.statusUrl().isBlank()) {
      model.put("statusUrl", recipient.statusUrl());
    }
    Object outcome = execution.getVariableLocal(VAR_OUTCOME);
    if (outcome != null) {
      model.put("outcome", outcome.toString());
    }

    notifications.deliver(
        new NotificationRequest(
            NotificationRequest.dedupKey(reference, event, sequence(execution)),
            event,
            reference,
            recipient.email(),
            recipient.name(),
            model));
  }

  private static NotificationEvent event(DelegateExecution execution) {
    // local only: an event left in a process variable by another task must not be picked up
    Object name = execution.getVariableLocal(VAR_EVENT);
    if (name == null) {
      throw new IllegalStateException(
          "Activity " + execution.getCurrentActivityId()
              + " calls notifyCandidateDelegate without the input parameter " + VAR_EVENT);
    }
    return NotificationEvent.fromName(name.toString());
  }

  private static String reference(DelegateExecution execution) {
    Object reference = execution.getVariable(HiringPipeline.VAR_APPLICATION_REFERENCE);
    String value = reference != null ? reference.toString() : execution.getProcessBusinessKey();
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "Activity " + execution.getCurrentActivityId() + " has no variable "
              + HiringPipeline.VAR_APPLICATION_REFERENCE + " and no business key");
    }
    return value;
  }

  private static String sequence(DelegateExecution execution) {
    Object sequence = execution.getVariable(VAR_SEQUENCE);
    return sequence == null ? null : sequence.toString();
  }

  private Recipient recipient(String reference) {
    RecipientDirectory directory = recipients.getIfAvailable();
    if (directory == null) {
      throw new IllegalStateException(
          "No RecipientDirectory bean: cannot look up the candidate of " + reference);
    }
    return directory
        .findByApplicationReference(reference)
        .orElseThrow(
            () -> new UnknownRecipientException("No candidate found for application reference " + reference));
  }
}
