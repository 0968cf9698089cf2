package org.racetoplace.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.racetoplace.application.ApplicationRequest;
import org.racetoplace.application.ApplicationService;
import org.racetoplace.application.ApplicationRequest.SkillRequest;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The mail-server outage on the {@code hiring-pipeline} model itself, with the application's own
 * intake, outbox and SMTP transport against GreenMail: the confirmation step is tried as often as
 * {@code hiring.retries.mail} says, stands as an incident on {@code Task_SendConfirmation} while the
 * case waits there, and once the server is back and staff retry the job the candidate gets exactly
 * one confirmation and the case moves on to the assessment. The job executor is off; each {@code
 * executeJob} stands for one attempt of the executor. (PostgresMailOutageTest runs the same
 * outage with the job executor running, on PostgreSQL.)
 */
@NotificationMailTest
// pinned, whatever HIRING_MAIL_RETRIES says: the test counts on three attempts (ATTEMPTS)
@TestPropertySource(properties = "hiring.retries.mail=R3/PT5M")
class PipelineMailOutageProcessTest {

  private static final int ATTEMPTS = 3;
  private static final String EMAIL = "dorothy.vaughan@example.org";

  @RegisterExtension static GreenMailExtension greenMail = TestSmtpServer.onFreePort();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    TestSmtpServer.register(registry);
  }

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired ApplicationService applications;
  @Autowired NotificationRepository notifications;

  @BeforeEach
  void bindAssertionsToThisEngine() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void mailServerDownRetriesThenIncidentThenAfterRepairExactlyOneMailAndTheCaseMovesOn() throws Exception {
    greenMail.stop();
    ApplicationService.Submission submission =
        applications.submit(
            new ApplicationRequest(
                "Dorothy", "Vaughan", EMAIL, null, "akron", "software-engineer", List.of("Python"),
                List.of(new SkillRequest("Python", 4)), List.of(), List.of(), List.of(), null, true),
            "akron");
    ProcessInstance instance =
        runtimeService.createProcessInstanceQuery()
            .processInstanceBusinessKey(submission.reference())
            .processDefinitionKey(HiringPipeline.PROCESS_ID)
            .singleResult();
    assertThat(instance).isWaitingAt(HiringPipeline.TASK_SEND_CONFIRMATION);
    String dedupKey = submission.reference() + ":confirmation";
    String jobId = confirmationJob(instance).getId();

    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(jobId)).hasMessageContaining(dedupKey);
      assertThat(confirmationJob(instance).getRetries()).as("retries after attempt %d", attempt).isEqualTo(ATTEMPTS - attempt);
    }

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo(HiringPipeline.TASK_SEND_CONFIRMATION);
    assertThat(incident.getIncidentMessage()).as("no personal data in Cockpit").doesNotContain(EMAIL);
    assertThat(instance).isWaitingAt(HiringPipeline.TASK_SEND_CONFIRMATION).isNotEnded();
    assertThat(notifications.findByDedupKey(dedupKey).orElseThrow().getStatus()).isEqualTo(NotificationStatus.PENDING);
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    // the mail server is repaired; staff retry the job from Cockpit
    greenMail.start();
    managementService.setJobRetries(jobId, 1);
    managementService.executeJob(jobId);

    assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(instance).hasPassed(HiringPipeline.TASK_SEND_CONFIRMATION).isWaitingAt(HiringPipeline.TASK_AWAIT_ASSESSMENT);
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("Dorothy Vaughan <" + EMAIL + ">");
    assertThat(notifications.findByDedupKey(dedupKey).orElseThrow().getStatus()).isEqualTo(NotificationStatus.SENT);

    // a retry that comes too late (a second operator, a stale Cockpit page) finds no job and sends nothing
    assertThat(managementService.createJobQuery().jobId(jobId).count()).isZero();
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  private Job confirmationJob(ProcessInstance instance) {
    return managementService.createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(HiringPipeline.TASK_SEND_CONFIRMATION)
        .singleResult();
  }
}
