package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A crash between committing a case and sending its mail: the node's intake commits the
 * applications with their confirmation rows in the outbox (PENDING), its job executor takes the
 * mail jobs and stops inside the delegate before anything is sent, and the JVM is killed with
 * SIGKILL. The same node is started again; once the dead run's locks have expired the outbox
 * delivers exactly one confirmation per case, and nothing else is left behind.
 */
@Tag("postgres")
class PostgresOutboxCrashTest {

  /** Short, so the restarted node does not wait the production five minutes for the old locks. */
  private static final String LOCK_MILLIS = "10000";
  private static final int CASES = 2;

  private final ClusterSupport cluster = new ClusterSupport("outbox");
  private ClusterNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    cluster.close();
  }

  private Map<String, String> properties() {
    Map<String, String> properties = cluster.nodeProperties();
    properties.put("camunda.bpm.job-execution.lock-time-in-millis", LOCK_MILLIS);
    return properties;
  }

  @Test
  void theOutboxSendsEachConfirmationOnceAfterTheNodeIsKilledBeforeSending() {
    Map<String, String> blocking = properties();
    blocking.put(ClusterNodeApplication.BLOCK_MAIL, "true");
    node = ClusterNode.launch("node-outbox", blocking).awaitReady();

    String run = UUID.randomUUID().toString().substring(0, 8);
    List<ClusterSupport.Case> cases =
        IntStream.range(0, CASES).mapToObj(i -> cluster.apply(node, run, i)).toList();
    List<String> instances = cases.stream().map(ClusterSupport.Case::processInstanceId).toList();
    String lockedMailJobs =
        "select count(*) from act_ru_job where process_instance_id_ = any(?) and type_ = 'message'"
            + " and lock_owner_ is not null";
    ClusterSupport.await(
        "the node inside every mail job", Duration.ofMinutes(2), () -> cluster.countWhereAny(lockedMailJobs, instances) == CASES);

    assertThat(node.kill()).as("exit status of a SIGKILLed JVM").isEqualTo(137);
    assertThat(cluster.smtp.getReceivedMessages()).as("mail sent before the crash").isEmpty();
    for (ClusterSupport.Case c : cases) {
      assertThat(
              cluster.jdbc.queryForMap(
                  "select status, attempts from notification where application_reference = ?", c.reference()))
          .as("the confirmation committed with the case, not sent")
          .containsEntry("status", "PENDING")
          .containsEntry("attempts", 0);
    }

    node = ClusterNode.launch("node-outbox", properties()).awaitReady();
    ClusterSupport.await(
        "the restarted node sent the confirmations",
        Duration.ofMinutes(3),
        () ->
            cluster.countWhereAny("select count(*) from act_ru_job where process_instance_id_ = any(?) and type_ = 'message'", instances) == 0
                && cluster.smtp.getReceivedMessages().length >= CASES);

    assertThat(cluster.mailsPerRecipient())
        .containsOnlyKeys(cases.stream().map(ClusterSupport.Case::email).toList())
        .allSatisfy((email, count) -> assertThat(count).as(email).isOne());
    assertThat(cluster.countWhereAny("select count(*) from act_hi_incident where proc_inst_id_ = any(?)", instances))
        .as("incidents")
        .isZero();
    for (ClusterSupport.Case c : cases) {
      assertThat(
              cluster.jdbc.queryForObject(
                  "select count(*) from notification where application_reference = ? and status = 'SENT'",
                  Long.class,
                  c.reference()))
          .isEqualTo(1);
    }
    assertThat(
            cluster.countWhereAny(
                "select count(*) from act_hi_job_log where process_instance_id_ = any(?) and job_state_ = 2"
                    + " and act_id_ = 'Task_SendConfirmation'",
                instances))
        .as("successful runs of the mail jobs")
        .isEqualTo(CASES);
  }
}
