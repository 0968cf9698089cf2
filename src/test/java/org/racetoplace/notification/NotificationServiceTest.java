package org.racetoplace.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server (GreenMail) and the real database schema: each message
 * once, a failure recorded and thrown, the retry after repair sending exactly one message.
 */
@NotificationMailTest
@TestPropertySource(properties = "hiring.notifications.from=Race to Place Birmingham <hello@racetoplace.test>")
class NotificationServiceTest {

  @RegisterExtension static GreenMailExtension greenMail = TestSmtpServer.onFreePort();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    TestSmtpServer.register(registry);
  }

  @Autowired NotificationService notifications;
  @Autowired NotificationRepository repository;
  @Autowired MailTransport transport;
  @Autowired PlatformTransactionManager transactionManager;

  private static NotificationRequest confirmation(String reference) {
    return new NotificationRequest(
        reference + ":confirmation",
        NotificationEvent.CONFIRMATION_WITH_INVITATION,
        reference,
        "ada@example.org",
        "Ada Lovelace",
        Map.of("statusUrl", "https://hire.example.org/status/" + reference));
  }

  @Test
  void withSpringMailHostSetMessagesGoOutBySmtp() {
    assertThat(transport).isInstanceOf(SmtpMailTransport.class);
  }

  @Test
  void aDeliveredNotificationArrivesOnceWithSubjectRecipientAndReference() throws Exception {
    Notification row = notifications.deliver(confirmation("BHM-000101"));

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("We received your application (BHM-000101)");
    InternetAddress to = (InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0];
    assertThat(to.getAddress()).isEqualTo("ada@example.org");
    assertThat(to.getPersonal()).isEqualTo("Ada Lovelace");
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("hello@racetoplace.test");
    assertThat(mail.getHeader(SmtpMailTransport.KEY_HEADER)).containsExactly("BHM-000101:confirmation");
    assertThat(mail.getContent().toString())
        .startsWith("Hello Ada Lovelace,")
        .contains("BHM-000101", "https://hire.example.org/status/BHM-000101");

    assertThat(row.getStatus()).isEqualTo(NotificationStatus.SENT);
    Notification stored = repository.findByDedupKey("BHM-000101:confirmation").orElseThrow();
    assertThat(stored.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(stored.getAttempts()).isEqualTo(1);
    assertThat(stored.getSentAt()).isNotNull();
    assertThat(stored.getLastError()).isNull();
    assertThat(stored.getBody().strip())
        .as("the text stored is the text sent")
        .isEqualTo(mail.getContent().toString().replace("\r\n", "\n").strip());
  }

  @Test
  void aPreparedMessageIsAPendingRowUntilDeliveredAndAKeyThatExistsIsRefused() throws Exception {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.executeWithoutResult(status -> notifications.prepare(confirmation("BHM-000109")));

    assertThat(repository.findByDedupKey("BHM-000109:confirmation").orElseThrow().getStatus())
        .isEqualTo(NotificationStatus.PENDING);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThatThrownBy(
            () -> transaction.executeWithoutResult(status -> notifications.prepare(confirmation("BHM-000109"))))
        .as("intake's key is new; one that exists rolls the caller back")
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(repository.findByApplicationReferenceOrderByCreatedAt("BHM-000109")).hasSize(1);

    notifications.deliver(confirmation("BHM-000109"));
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(repository.findByDedupKey("BHM-000109:confirmation").orElseThrow().getStatus())
        .isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void deliveringTheSameDedupKeyAgainSendsNothingMore() {
    notifications.deliver(confirmation("BHM-000102"));
    Notification again = notifications.deliver(confirmation("BHM-000102"));
    notifications.deliver(confirmation("BHM-000102"));

    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(again.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(again.getAttempts()).isEqualTo(1);
  }

  @Test
  void aRepeatableEventWithAnotherSequenceIsAnotherMessage() {
    NotificationEvent reminder = NotificationEvent.ASSESSMENT_REMINDER;
    for (String sequence : new String[] {"1", "2", "2"}) {
      notifications.deliver(
          new NotificationRequest(
              NotificationRequest.dedupKey("ATL-000103", reminder, sequence),
              reminder, "ATL-000103", "grace@example.org", "Grace", Map.of()));
    }

    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(repository.findByDedupKey("ATL-000103:assessment-reminder:1")).isPresent();
    assertThat(repository.findByDedupKey("ATL-000103:assessment-reminder:2")).isPresent();
  }

  @Test
  void whenTheMailServerIsDownTheFailureIsRecordedAndThrown() {
    greenMail.stop();

    assertThatThrownBy(() -> notifications.deliver(confirmation("BHM-000104")))
        .isInstanceOf(NotificationDeliveryException.class)
        .hasMessageContaining("BHM-000104:confirmation")
        .hasMessageContaining("attempt 1")
        .hasMessageNotContaining("ada@example.org")
        .hasNoCause();
    assertThatThrownBy(() -> notifications.deliver(confirmation("BHM-000104")))
        .isInstanceOf(NotificationDeliveryException.class)
        .hasMessageContaining("attempt 2");

    Notification stored = repository.findByDedupKey("BHM-000104:confirmation").orElseThrow();
    assertThat(stored.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(stored.getAttempts()).isEqualTo(2);
    assertThat(stored.getLastError()).isNotBlank().hasSizeLessThanOrEqualTo(Notification.LAST_ERROR_LENGTH);
    assertThat(stored.getSentAt()).isNull();
  }

  @Test
  void afterRepairTheNextDeliverySendsExactlyOneMessage() {
    greenMail.stop();
    assertThatThrownBy(() -> notifications.deliver(confirmation("BHM-000105")))
        .isInstanceOf(NotificationDeliveryException.class);

    greenMail.start();
    Notification row = notifications.deliver(confirmation("BHM-000105"));
    notifications.deliver(confirmation("BHM-000105"));

    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(row.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(row.getAttempts()).isEqualTo(2);
    assertThat(row.getLastError()).as("the earlier failure stays on record").isNotBlank();
  }
}
