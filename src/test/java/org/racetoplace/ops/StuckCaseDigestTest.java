package org.racetoplace.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.notification.Notification;
import org.racetoplace.notification.NotificationEvent;
import org.racetoplace.notification.NotificationRepository;
import org.racetoplace.notification.NotificationService;
import org.racetoplace.notification.NotificationStatus;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.platform.identity.HiringGroups;
import org.racetoplace.testing.MutableClock;
import org.racetoplace.vetting.TestApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The daily stuck-case digest against the real pipeline, outbox and an SMTP server (GreenMail),
 * with the clock injected: who gets it, what it says, that two nodes running it at the same moment
 * send each message once, that a second run the same day sends nothing, and that communities with
 * nothing stuck get nothing. No demo data: only this test's cases and users exist.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
      "camunda.bpm.job-execution.enabled=false",
      "spring.profiles.active=ops-digest-test",
      "hiring.admin.password=ops-digest-test",
      "hiring.public-base-url=https://hire.racetoplace.test",
      // the test runs the digest itself, at the instants it chooses
      "hiring.ops.digest.enabled=false"
    })
class StuckCaseDigestTest {

  private static final String HOST = "127.0.0.1";
  private static final int PORT = freePort();

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(PORT, HOST, ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> HOST);
    registry.add("spring.mail.port", () -> PORT);
  }

  /** 09:00 UTC sixty days ago: long before anything else in this context. */
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(60)).plusSeconds(9 * 3600);

  @Autowired ApplicationContext context;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired CommunityRepository communities;
  @Autowired StaffRecipients recipients;
  @Autowired NotificationService notifications;
  @Autowired NotificationRepository outbox;

  private final MutableClock clock = new MutableClock(T0);

  /** One node's digest: its own services on the shared database, as on another machine. */
  private StuckCaseDigest node() {
    StuckCases stuckCases =
        new StuckCases(taskService, historyService, runtimeService, identityService, communities,
            StuckCaseTargets.defaultTargets(), clock);
    return new StuckCaseDigest(stuckCases, communities, recipients, notifications,
        StuckCaseDigestProperties.defaults(), "https://hire.racetoplace.test/", clock);
  }

  @BeforeEach
  void staff() {
    user("sam-bhm", "Sam", "Birmingham", "sam.bhm@racetoplace.test", HiringGroups.STAFF, HiringGroups.communityStaff("birmingham"));
    user("noor-bhm", "Noor", "Noaddress", null, HiringGroups.STAFF, HiringGroups.communityStaff("birmingham"));
    user("lee-all", "Lee", "Everywhere", "lee@racetoplace.test", HiringGroups.STAFF);
  }

  private void user(String id, String first, String last, String email, String... groups) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(email);
    user.setPassword("secret-" + id);
    identityService.saveUser(user);
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
  }

  @Test
  void eachCommunityWithStuckCasesGetsOneDigestPerStaffMemberFromOneOfTwoNodesOncePerDay() throws Exception {
    StuckCaseFixtures fixtures = new StuckCaseFixtures(context);
    StuckCaseFixtures.Case vetting = fixtures.waitingAt(HiringPipeline.TASK_VET_CANDIDATE, "birmingham", T0);
    StuckCaseFixtures.Case assessment =
        fixtures.waitingAt(HiringPipeline.TASK_AWAIT_ASSESSMENT, "seattle", T0.plus(Duration.ofHours(1)));
    // on time: the case of akron is listed nowhere, so akron gets no digest
    StuckCaseFixtures.Case onTime =
        fixtures.waitingAt(HiringPipeline.TASK_CONDUCT_INTERVIEW, "akron", T0.plus(Duration.ofDays(1)));
    clock.set(T0.plus(Duration.ofDays(8)));
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneId.of(StuckCaseDigestProperties.DEFAULT_ZONE));

    List<StuckCaseDigest.Outcome> outcomes = atTheSameMoment(node(), node());

    assertThat(outcomes.stream().mapToInt(StuckCaseDigest.Outcome::sent).sum()).as("sent by either node").isEqualTo(3);
    assertThat(outcomes.stream().mapToInt(StuckCaseDigest.Outcome::failed).sum()).isZero();
    assertThat(outcomes.get(0).communitiesWithoutStuckCases()).contains("akron", "atlanta", "hawaii", "rhode-island")
        .doesNotContain("birmingham", "seattle");
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).as("birmingham: sam-bhm; seattle: lee-all and sam-bhm").hasSize(3);

    // birmingham's own staff group (the member with an address); seattle has none: everyone in staff
    MimeMessage birmingham = to(received, "sam.bhm@racetoplace.test");
    assertThat(birmingham.getSubject()).isEqualTo("Daily digest: cases past their target (DIGEST-BHM-" + day + ")");
    String text = birmingham.getContent().toString();
    assertThat(text)
        .startsWith("Hello Sam Birmingham,")
        .contains("daily digest of Birmingham, AL for " + day + ": 1 case has waited longer than their target")
        .contains("- " + vetting.reference() + " (Vet: Vet candidate)")
        .contains("target P5D, overdue by P3D")
        .contains("who acts: group vetters-birmingham")
        .contains("https://hire.racetoplace.test/staff/stuck-cases?community=birmingham")
        .doesNotContain(assessment.reference(), onTime.reference());
    for (String personal : TestApplications.PERSONAL_DATA.stream().filter(p -> !p.equals("https://")).toList()) {
      assertThat(text).doesNotContain(personal);
    }
    MimeMessage seattle = to(received, "lee@racetoplace.test");
    assertThat(seattle.getSubject()).endsWith("(DIGEST-SEA-" + day + ")");
    assertThat(seattle.getContent().toString())
        .contains("- " + assessment.reference() + " (Assess: ")
        .contains("who acts: the candidate")
        .doesNotContain(vetting.reference());

    Notification row = outbox.findByDedupKey("ops-digest:BHM:" + day + ":sam-bhm").orElseThrow();
    assertThat(row.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(row.getEventType()).isEqualTo(NotificationEvent.STUCK_CASE_DIGEST);
    assertThat(row.getAttempts()).as("sent once, by one node").isEqualTo(1);

    // a second run the same day (a restart, a second cron hit) sends nothing
    StuckCaseDigest.Outcome again = node().sendToday();
    assertThat(again.sent()).isZero();
    assertThat(again.sentElsewhere()).isEqualTo(3);
    assertThat(greenMail.getReceivedMessages()).hasSize(3);

    // the next day the case is still stuck: a new digest; seattle's case has ended meanwhile
    runtimeService.deleteProcessInstance(assessment.processInstanceId(), "digest test");
    clock.advance(Duration.ofDays(1));
    StuckCaseDigest.Outcome nextDay = node().sendToday();
    assertThat(nextDay.sent()).isEqualTo(1);
    assertThat(nextDay.communitiesWithoutStuckCases()).contains("seattle");
    MimeMessage[] later = greenMail.getReceivedMessages();
    assertThat(later).hasSize(4);
    MimeMessage nextDigest = null;
    for (MimeMessage message : later) {
      if (message.getSubject().endsWith("(DIGEST-BHM-" + day.plusDays(1) + ")")) {
        nextDigest = message;
      }
    }
    assertThat(nextDigest).as("the next day's digest of birmingham").isNotNull();
    assertThat(nextDigest.getContent().toString()).contains("overdue by P4D");
  }

  @Test
  void nothingStuckAnywhereSendsNothing() {
    clock.set(T0.minus(Duration.ofDays(30)));

    StuckCaseDigest.Outcome outcome = node().sendToday();

    assertThat(outcome.sent()).isZero();
    assertThat(outcome.sentElsewhere()).isZero();
    assertThat(outcome.communitiesWithoutStuckCases())
        .containsExactlyInAnyOrder("akron", "atlanta", "birmingham", "hawaii", "rhode-island", "seattle");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void recipientsAreTheCommunitysStaffWithAnAddressElseTheStaffGroup() {
    assertThat(recipients.forCommunity("birmingham"))
        .extracting(StaffRecipients.StaffMember::userId)
        .containsExactly("sam-bhm");
    assertThat(recipients.forCommunity("hawaii"))
        .extracting(StaffRecipients.StaffMember::userId)
        .containsExactly("lee-all", "sam-bhm");
    assertThat(recipients.forCommunity("hawaii").get(0).name()).isEqualTo("Lee Everywhere");
    assertThat(identityService.createGroupQuery().groupId(HiringGroups.communityStaff("hawaii")).count())
        .as("every community has its staff group").isEqualTo(1);
  }

  /** Runs the digest of both nodes on two threads released together. */
  private static List<StuckCaseDigest.Outcome> atTheSameMoment(StuckCaseDigest first, StuckCaseDigest second)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<StuckCaseDigest.Outcome>> runs = new ArrayList<>();
      for (StuckCaseDigest node : List.of(first, second)) {
        Callable<StuckCaseDigest.Outcome> run =
            () -> {
              start.await();
              return node.sendToday();
            };
        runs.add(threads.submit(run));
      }
      start.countDown();
      List<StuckCaseDigest.Outcome> outcomes = new ArrayList<>();
      for (Future<StuckCaseDigest.Outcome> run : runs) {
        outcomes.add(run.get());
      }
      return outcomes;
    } finally {
      threads.shutdownNow();
    }
  }

  private static MimeMessage to(MimeMessage[] messages, String address) throws Exception {
    for (MimeMessage message : messages) {
      if (((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress().equals(address)) {
        return message;
      }
    }
    throw new AssertionError("no message to " + address);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
