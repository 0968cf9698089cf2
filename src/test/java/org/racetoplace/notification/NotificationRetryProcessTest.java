package org.racetoplace.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mail task as the pipeline models it ({@code asyncBefore}, {@code R3/PT5M}) against a mail
 * server that fails: the job is retried, ends as an incident, and after repair and a retry from
 * Cockpit the candidate gets exactly one message. The job executor is off; each
 * {@code executeJob} stands for one attempt of the executor.
 */
@NotificationMailTest
class NotificationRetryProcessTest {

  static final String KNOWN_REFERENCE = "BHM-000777";
  static final String KNOWN_EMAIL = "katherine@example.org";

  @RegisterExtension static GreenMailExtension greenMail = TestSmtpServer.onFreePort();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    TestSmtpServer.register(registry);
  }

  @TestConfiguration
  static class Beans {

    /** One known candidate; any other reference is unknown. Replaces the application's directory. */
    @Bean
    @org.springframework.context.annotation.Primary
    RecipientDirectory recipientDirectory() {
      return reference ->
          KNOWN_REFERENCE.equals(reference)
              ? Optional.of(new Recipient(KNOWN_EMAIL, "Katherine Johnson", "https://hire.example.org/status/" + reference))
              : Optional.empty();
    }

    @Bean
    FailOnce failOnceDelegate() {
      return new FailOnce();
    }
  }

  /** Fails on its first run only, after the mail task before it in the same transaction. */
  static class FailOnce implements JavaDelegate {
    final AtomicBoolean failed = new AtomicBoolean();

    @Override
    public void execute(DelegateExecution execution) {
      if (failed.compareAndSet(false, true)) {
        throw new IllegalStateException("a later step of the same transaction failed");
      }
    }
  }

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired NotificationRepository notifications;

  private String deploymentId;

  @BeforeEach
  void deployTestModels() {
    deploymentId =
        repositoryService.createDeployment()
            .name("notification-tests")
            .addClasspathResource("notification/notify-candidate.bpmn")
            .addClasspathResource("notification/notify-then-fail-once.bpmn")
            .deploy()
            .getId();
  }

  @AfterEach
  void removeTestModels() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  private ProcessInstance start(String processKey, String reference) {
    return runtimeService.startProcessInstanceByKey(
        processKey, reference, Map.of(HiringPipeline.VAR_APPLICATION_REFERENCE, reference));
  }

  private Job jobOf(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void failingMailServerRetriesThenIncidentThenAfterRepairExactlyOneMail() throws Exception {
    greenMail.stop();
    ProcessInstance instance = start("notify-candidate-test", KNOWN_REFERENCE);
    String jobId = jobOf(instance).getId();

    // three attempts of the job executor while the mail server is down
    for (int attempt = 1; attempt <= 3; attempt++) {
      Instant before = Instant.now();
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .hasMessageContaining(KNOWN_REFERENCE + ":confirmation");
      Job job = managementService.createJobQuery().jobId(jobId).singleResult();
      assertThat(job.getRetries()).as("retries left after attempt %d", attempt).isEqualTo(3 - attempt);
      if (attempt < 3) {
        assertThat(job.getDuedate().toInstant())
            .as("the next attempt waits five minutes")
            .isAfterOrEqualTo(before.plus(Duration.ofMinutes(5)).minusSeconds(1));
      }
    }

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident).as("an incident for Cockpit").isNotNull();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo("Task_SendConfirmation");
    assertThat(incident.getIncidentMessage())
        .contains(KNOWN_REFERENCE + ":confirmation")
        .doesNotContain(KNOWN_EMAIL);
    Notification pending = notifications.findByDedupKey(KNOWN_REFERENCE + ":confirmation").orElseThrow();
    assertThat(pending.getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(pending.getAttempts()).isEqualTo(3);
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    // the operator repairs the mail server and retries the job in Cockpit
    greenMail.start();
    managementService.setJobRetries(jobId, 1);
    managementService.executeJob(jobId);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .as("the case moved on")
        .isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(greenMail.getReceivedMessages()[0].getAllRecipients()[0].toString()).contains(KNOWN_EMAIL);
    Notification sent = notifications.findByDedupKey(KNOWN_REFERENCE + ":confirmation").orElseThrow();
    assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.getAttempts()).isEqualTo(4);
  }

  @Test
  void aMailSentBeforeTheJobRolledBackIsNotSentAgainOnRetry() {
    ProcessInstance instance = start("notify-then-fail-once-test", KNOWN_REFERENCE);
    String jobId = jobOf(instance).getId();

    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasMessageContaining("a later step of the same transaction failed");
    assertThat(greenMail.getReceivedMessages()).as("sent before the rollback").hasSize(1);

    managementService.executeJob(jobId);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(greenMail.getReceivedMessages()).as("the retried job sends nothing").hasSize(1);
    assertThat(notifications.findByDedupKey(KNOWN_REFERENCE + ":withdrawn").orElseThrow().getAttempts()).isEqualTo(1);
  }

  @Test
  void anUnknownReferenceFailsTheJobNamingItAndSendsNothing() {
    ProcessInstance instance = start("notify-candidate-test", "ATL-999999");
    String jobId = jobOf(instance).getId();

    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .isInstanceOf(UnknownRecipientException.class)
        .hasMessageContaining("ATL-999999");

    assertThat(notifications.findByDedupKey("ATL-999999:confirmation")).isEmpty();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }
}
