package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * {@code kill -9} of a node in the middle of a job: node B takes the confirmation mail job and
 * blocks inside the delegate (before anything is sent); it is killed; node A, started next, picks
 * the job up once B's lock has expired and runs it. One mail, one successful execution (on A),
 * no incident, and the case waits for its assessment as it should.
 */
@Tag("postgres")
class PostgresNodeCrashTest {

  /** Short, so the test does not wait the production five minutes for the lock to expire. */
  private static final String LOCK_MILLIS = "15000";

  private final ClusterSupport cluster = new ClusterSupport("crash");
  private ClusterNode nodeA;
  private ClusterNode nodeB;

  @AfterEach
  void stop() {
    for (ClusterNode node : new ClusterNode[] {nodeB, nodeA}) {
      if (node != null) {
        node.close();
      }
    }
    cluster.close();
  }

  private Map<String, String> properties() {
    Map<String, String> properties = cluster.nodeProperties();
    properties.put("camunda.bpm.job-execution.lock-time-in-millis", LOCK_MILLIS);
    return properties;
  }

  @Test
  void anotherNodeFinishesTheJobOfAKilledNodeOnceItsLockExpires() {
    Map<String, String> blocking = properties();
    blocking.put(ClusterNodeApplication.BLOCK_MAIL, "true");
    nodeB = ClusterNode.launch("node-b", blocking).awaitReady();

    ClusterSupport.Case c = cluster.apply(nodeB, UUID.randomUUID().toString().substring(0, 8), 0);
    List<String> instance = List.of(c.processInstanceId());
    String asyncJobs = "select count(*) from act_ru_job where process_instance_id_ = any(?) and type_ = 'message'";
    ClusterSupport.await(
        "node B inside the mail job",
        Duration.ofMinutes(2),
        () -> logOf("node-b").contains("blocked on purpose") && lockedJobs(instance) == 1);

    int exit = nodeB.kill();
    assertThat(exit).as("exit status of a SIGKILLed JVM").isEqualTo(137);
    assertThat(cluster.smtp.getReceivedMessages()).as("mail sent by the killed node").isEmpty();
    assertThat(lockedJobs(instance)).as("the job still holds the dead node's lock").isEqualTo(1);

    nodeA = ClusterNode.launch("node-a", properties()).awaitReady();
    ClusterSupport.await(
        "node A ran the job",
        Duration.ofMinutes(3),
        () -> cluster.countWhereAny(asyncJobs, instance) == 0 && cluster.smtp.getReceivedMessages().length > 0);

    assertThat(cluster.mailsPerRecipient()).containsOnly(Map.entry(c.email(), 1));
    assertThat(
            cluster.groupWhereAny(
                "select hostname_, count(*) from act_hi_job_log where process_instance_id_ = any(?) and job_state_ = 2"
                    + " group by hostname_",
                instance))
        .as("successful executions per node")
        .containsOnly(Map.entry("node-a", 1L));
    assertThat(cluster.countWhereAny("select count(*) from act_hi_incident where proc_inst_id_ = any(?)", instance))
        .isZero();
    assertThat(
            cluster.jdbc.queryForObject(
                "select count(*) from notification where application_reference = ? and status = 'SENT'",
                Long.class,
                c.reference()))
        .isEqualTo(1);
    assertThat(
            cluster.countWhereAny(
                "select count(*) from act_ru_event_subscr where proc_inst_id_ = any(?) and event_name_ = '"
                    + HiringPipeline.MESSAGE_ASSESSMENT_COMPLETED
                    + "'",
                instance))
        .as("the case waits for its assessment")
        .isEqualTo(1);
  }

  private long lockedJobs(List<String> instance) {
    return cluster.countWhereAny(
        "select count(*) from act_ru_job where process_instance_id_ = any(?) and type_ = 'message'"
            + " and lock_owner_ is not null",
        instance);
  }

  private static String logOf(String node) {
    try {
      return Files.readString(Path.of("target", "cluster", node + ".log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
