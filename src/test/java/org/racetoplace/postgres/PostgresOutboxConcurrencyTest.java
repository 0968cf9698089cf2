package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.racetoplace.notification.MailTemplates;
import org.racetoplace.notification.MailTransport;
import org.racetoplace.notification.Notification;
import org.racetoplace.notification.NotificationEvent;
import org.racetoplace.notification.NotificationRepository;
import org.racetoplace.notification.NotificationRequest;
import org.racetoplace.notification.NotificationService;
import org.racetoplace.notification.NotificationStatus;
import org.racetoplace.notification.OutgoingMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox when two deliveries of the same message meet, on PostgreSQL's row locks and unique
 * index: the mail server is slow (the transport waits until both deliveries have started), and
 * still the message goes out once. A delivery holds its row from before the hand-over to the
 * transport until the outcome is committed, so the second one finds the row SENT.
 */
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresOutboxConcurrencyTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.URL);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("hiring.admin.password", () -> PostgresTestDatabase.ADMIN_PASSWORD);
  }

  @Autowired NotificationRepository repository;
  @Autowired MailTemplates templates;
  @Autowired PlatformTransactionManager transactionManager;

  private final ExecutorService callers = Executors.newFixedThreadPool(2);
  private final SlowTransport transport = new SlowTransport();

  @AfterEach
  void stop() {
    transport.release.countDown();
    callers.shutdownNow();
  }

  @Test
  void twoDeliveriesOfANewMessageAtOnceSendItOnce() throws Exception {
    NotificationService service = service();
    NotificationRequest request = request();

    List<Notification> rows = bothAtOnce(() -> service.deliver(request));

    assertThat(transport.sent).hasValue(1);
    assertThat(rows).allSatisfy(row -> assertThat(row.getStatus()).isEqualTo(NotificationStatus.SENT));
    Notification stored = repository.findByDedupKey(request.dedupKey()).orElseThrow();
    assertThat(stored.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(stored.getAttempts()).isEqualTo(1);
  }

  @Test
  void twoDeliveriesOfAPreparedMessageAtOnceSendItOnce() throws Exception {
    NotificationService service = service();
    NotificationRequest request = request();
    // as intake does with the confirmation: the row commits PENDING with the case
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> service.prepare(request));

    List<Notification> rows = bothAtOnce(() -> service.deliver(request));

    assertThat(transport.sent).hasValue(1);
    assertThat(rows).allSatisfy(row -> assertThat(row.getStatus()).isEqualTo(NotificationStatus.SENT));
    assertThat(repository.findByDedupKey(request.dedupKey()).orElseThrow().getAttempts()).isEqualTo(1);
  }

  @Test
  void twoClaimsOfTheSameMessageAtOnceSendItOnce() throws Exception {
    NotificationService service = service();
    NotificationRequest request = request();

    List<Optional<Notification>> claims = bothAtOnce(() -> service.deliverOnce(request));

    assertThat(transport.sent).hasValue(1);
    assertThat(claims).filteredOn(Optional::isPresent).hasSize(1);
    assertThat(repository.findByDedupKey(request.dedupKey()).orElseThrow().getStatus())
        .isEqualTo(NotificationStatus.SENT);
  }

  private NotificationService service() {
    return new NotificationService(repository, transport, templates, transactionManager);
  }

  private static NotificationRequest request() {
    String reference = "OUT-" + UUID.randomUUID().toString().substring(0, 8);
    return new NotificationRequest(
        NotificationRequest.dedupKey(reference, NotificationEvent.PLACED, null),
        NotificationEvent.PLACED,
        reference,
        "ada@example.org",
        "Ada Lovelace",
        Map.of());
  }

  /**
   * Starts the call twice; the transport holds the first hand-over until both calls have begun and
   * a moment has passed, so the second meets the first's lock or uncommitted row.
   */
  private <T> List<T> bothAtOnce(Callable<T> call) throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    Callable<T> counted =
        () -> {
          started.countDown();
          return call.call();
        };
    Future<T> first = callers.submit(counted);
    Future<T> second = callers.submit(counted);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(500);
    transport.release.countDown();
    return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
  }

  /** A mail server that takes its time: counts what it accepts, after the test lets it go on. */
  static final class SlowTransport implements MailTransport {

    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger sent = new AtomicInteger();

    @Override
    public void send(OutgoingMail mail) {
      try {
        if (!release.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never released the transport");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sent.incrementAndGet();
    }
  }
}
