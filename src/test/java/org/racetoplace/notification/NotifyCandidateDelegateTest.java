package org.racetoplace.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** What the delegate takes from the process and what it asks the notification service for. */
class NotifyCandidateDelegateTest {

  private final NotificationService service = mock(NotificationService.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);

  private static ObjectProvider<RecipientDirectory> directory(RecipientDirectory directory) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (directory != null) {
      beans.addBean("recipientDirectory", directory);
    }
    return beans.getBeanProvider(RecipientDirectory.class);
  }

  private static final RecipientDirectory ADA =
      reference ->
          "BHM-000123".equals(reference)
              ? Optional.of(new Recipient("ada@example.org", "Ada", "https://hire.example.org/s/1"))
              : Optional.empty();

  private NotificationRequest delivered() {
    ArgumentCaptor<NotificationRequest> request = ArgumentCaptor.forClass(NotificationRequest.class);
    verify(service).deliver(request.capture());
    return request.getValue();
  }

  @Test
  void sendsTheEventOfTheTaskToTheCandidateOfTheCase() {
    when(execution.getVariable("applicationReference")).thenReturn("BHM-000123");
    when(execution.getVariableLocal("notificationEvent")).thenReturn("CONFIRMATION_WITH_INVITATION");

    new NotifyCandidateDelegate(service, directory(ADA)).execute(execution);

    NotificationRequest request = delivered();
    assertThat(request.dedupKey()).isEqualTo("BHM-000123:confirmation");
    assertThat(request.event()).isEqualTo(NotificationEvent.CONFIRMATION_WITH_INVITATION);
    assertThat(request.applicationReference()).isEqualTo("BHM-000123");
    assertThat(request.recipientEmail()).isEqualTo("ada@example.org");
    assertThat(request.recipientName()).isEqualTo("Ada");
    assertThat(request.model()).containsEntry("statusUrl", "https://hire.example.org/s/1");
  }

  @Test
  void aRepeatableEventCarriesItsSequenceInTheDedupKey() {
    when(execution.getVariable("applicationReference")).thenReturn("BHM-000123");
    when(execution.getVariableLocal("notificationEvent")).thenReturn("assessment-reminder");
    when(execution.getVariable("notificationSequence")).thenReturn(2);

    new NotifyCandidateDelegate(service, directory(ADA)).execute(execution);

    assertThat(delivered().dedupKey()).isEqualTo("BHM-000123:assessment-reminder:2");
  }

  @Test
  void anOutcomeGivenToTheTaskReachesTheTemplate() {
    when(execution.getVariable("applicationReference")).thenReturn("BHM-000123");
    when(execution.getVariableLocal("notificationEvent")).thenReturn("VETTING_OUTCOME");
    when(execution.getVariableLocal("notificationOutcome")).thenReturn("decline");

    new NotifyCandidateDelegate(service, directory(ADA)).execute(execution);

    assertThat(delivered().model()).containsEntry("outcome", "decline");
  }

  @Test
  void withoutTheReferenceVariableTheBusinessKeyIsTheReference() {
    when(execution.getProcessBusinessKey()).thenReturn("BHM-000123");
    when(execution.getVariableLocal("notificationEvent")).thenReturn("withdrawn");

    new NotifyCandidateDelegate(service, directory(ADA)).execute(execution);

    assertThat(delivered().dedupKey()).isEqualTo("BHM-000123:withdrawn");
  }

  @Test
  void anUnknownReferenceFailsClearlyAndSendsNothing() {
    when(execution.getVariable("applicationReference")).thenReturn("SEA-000404");
    when(execution.getVariableLocal("notificationEvent")).thenReturn("placed");

    assertThatThrownBy(() -> new NotifyCandidateDelegate(service, directory(ADA)).execute(execution))
        .isInstanceOf(UnknownRecipientException.class)
        .hasMessageContaining("SEA-000404");
    verify(service, never()).deliver(any());
  }

  @Test
  void aTaskWithoutEventOrWithAnUnknownOneFailsNamingWhatIsWrong() {
    when(execution.getVariable("applicationReference")).thenReturn("BHM-000123");
    when(execution.getCurrentActivityId()).thenReturn("Task_NotifyCandidate");
    NotifyCandidateDelegate delegate = new NotifyCandidateDelegate(service, directory(ADA));

    assertThatThrownBy(() -> delegate.execute(execution))
        .hasMessageContaining("Task_NotifyCandidate")
        .hasMessageContaining("notificationEvent");

    when(execution.getVariableLocal("notificationEvent")).thenReturn("HIRED");
    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HIRED")
        .hasMessageContaining("PLACED");
    verify(service, never()).deliver(any());
  }

  @Test
  void withoutARecipientDirectoryTheJobFailsSayingSo() {
    when(execution.getVariable("applicationReference")).thenReturn("BHM-000123");
    when(execution.getVariableLocal("notificationEvent")).thenReturn("placed");

    assertThatThrownBy(() -> new NotifyCandidateDelegate(service, directory(null)).execute(execution))
        .hasMessageContaining("RecipientDirectory")
        .hasMessageContaining("BHM-000123");
  }
}
