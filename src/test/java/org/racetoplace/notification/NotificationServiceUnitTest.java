package org.racetoplace.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;

/** The service built by hand, without Spring or a database. */
class NotificationServiceUnitTest {

  private final NotificationRepository repository = mock(NotificationRepository.class);
  private final MailTransport transport = mock(MailTransport.class);
  private final NotificationService service =
      new NotificationService(repository, transport, new MailTemplates(), mock(PlatformTransactionManager.class));

  private static final NotificationRequest REQUEST =
      new NotificationRequest(
          "PVD-000200:placed", NotificationEvent.PLACED, "PVD-000200", "ada@example.org", "Ada", Map.of());

  @Test
  void whenAnotherNodeInsertedTheSameKeyFirstItsRowIsUsedAndNothingSentTwice() {
    Notification sentByTheOtherNode =
        new Notification(REQUEST, new MailTemplates().render(REQUEST), Instant.now());
    sentByTheOtherNode.markSent(Instant.now());
    when(repository.findByDedupKeyForUpdate("PVD-000200:placed"))
        .thenReturn(Optional.empty())
        .thenReturn(Optional.of(sentByTheOtherNode));
    when(repository.saveAndFlush(any())).thenThrow(new DataIntegrityViolationException("uk_notification_dedup_key"));

    Notification row = service.deliver(REQUEST);

    assertThat(row).isSameAs(sentByTheOtherNode);
    verify(transport, never()).send(any());
  }

  @Test
  void withTheLoggingTransportTheRowIsMarkedSent() {
    NotificationService logging =
        new NotificationService(
            repository, new LoggingMailTransport(), new MailTemplates(), mock(PlatformTransactionManager.class));
    when(repository.findByDedupKeyForUpdate(any())).thenReturn(Optional.empty());
    when(repository.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));

    Notification row = logging.deliver(REQUEST);

    assertThat(row.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(row.getAttempts()).isEqualTo(1);
  }

  @Test
  void withoutAConnectionForItsTransactionNothingIsSent() {
    PlatformTransactionManager noConnection = mock(PlatformTransactionManager.class);
    when(noConnection.getTransaction(any()))
        .thenThrow(new CannotCreateTransactionException("Connection is not available, request timed out"));
    NotificationService service = new NotificationService(repository, transport, new MailTemplates(), noConnection);

    assertThatThrownBy(() -> service.deliver(REQUEST)).isInstanceOf(CannotCreateTransactionException.class);
    assertThatThrownBy(() -> service.deliverOnce(REQUEST)).isInstanceOf(CannotCreateTransactionException.class);
    verify(transport, never()).send(any());
  }
}
