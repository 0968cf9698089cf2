package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * Two nodes on one PostgreSQL database — Camunda's homogeneous cluster — both with their job
 * executor on: {@value #DEFAULT_CASES} cases (system property {@code cluster.cases}) go through
 * intake, the confirmation mail, a provider result below the pass mark or a withdrawal, and the
 * closing mail, their requests spread over both nodes. Every job runs exactly once: one
 * successful execution per job in the job log, exactly two mails per candidate, no incident, and
 * both nodes took part.
 */
@Tag("postgres")
class PostgresClusterTest {

  static final int DEFAULT_CASES = 1000;
  private static final int CASES = Integer.getInteger("cluster.cases", DEFAULT_CASES);
  private static final Duration DRAIN = Duration.ofMinutes(10);

  private ClusterSupport cluster;
  private ClusterNode nodeA;
  private ClusterNode nodeB;
  private final ExecutorService clients = Executors.newFixedThreadPool(8);

  @BeforeEach
  void startTwoNodes() {
    cluster = new ClusterSupport("cluster");
    // one after the other: the first node creates or upgrades the schema and deploys the models,
    // the second finds them in place (docs/reliability.md, "Running several nodes")
    nodeA = ClusterNode.launch("node-a", cluster.nodeProperties()).awaitReady();
    nodeB = ClusterNode.launch("node-b", cluster.nodeProperties()).awaitReady();
  }

  @AfterEach
  void stop() {
    clients.shutdownNow();
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
    cluster.close();
  }

  private ClusterNode node(int sequence) {
    return sequence % 2 == 0 ? nodeA : nodeB;
  }

  @Test
  void everyJobOfAThousandCasesRunsExactlyOnceOnTwoNodes() throws Exception {
    String runId = UUID.randomUUID().toString().substring(0, 8);
    List<Future<ClusterSupport.Case>> submitted = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      int sequence = i;
      submitted.add(clients.submit(() -> cluster.apply(node(sequence), runId, sequence)));
    }
    List<ClusterSupport.Case> cases = new ArrayList<>();
    for (Future<ClusterSupport.Case> c : submitted) {
      cases.add(c.get());
    }
    List<String> instances = cases.stream().map(ClusterSupport.Case::processInstanceId).toList();

    // the confirmation jobs, run by whichever node acquires them
    ClusterSupport.await(
        CASES + " confirmation mails",
        DRAIN,
        () -> cluster.smtp.getReceivedMessages().length >= CASES);

    // half the candidates fail the provider's test, half withdraw; the other node answers
    List<Future<?>> decided = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      ClusterSupport.Case c = cases.get(i);
      ClusterNode other = node(i + 1);
      decided.add(
          clients.submit(
              i % 2 == 0 ? () -> cluster.deliverFailingResult(other, c) : () -> cluster.withdraw(other, c)));
    }
    for (Future<?> d : decided) {
      d.get();
    }
    ClusterSupport.await(
        "all " + CASES + " cases ended",
        DRAIN,
        () ->
            cluster.countWhereAny("select count(*) from act_hi_procinst where id_ = any(?) and end_time_ is not null", instances)
                == CASES);

    // a withdrawn case ends in the withdrawal event sub-process (its end event is inside it)
    Map<String, Long> endings =
        cluster.groupWhereAny(
            "select end_act_id_, count(*) from act_hi_procinst where id_ = any(?) group by end_act_id_", instances);
    assertThat(endings)
        .containsOnly(
            Map.entry(HiringPipeline.END_NOT_ADVANCED, (long) (CASES + 1) / 2),
            Map.entry(HiringPipeline.SUBPROCESS_WITHDRAWAL, (long) CASES / 2));

    // no duplicate side effect: two mails per candidate, two sent outbox rows per case
    Map<String, Integer> mails = cluster.mailsPerRecipient();
    List<String> notTwo =
        cases.stream()
            .filter(c -> mails.getOrDefault(c.email(), 0) != 2)
            .map(c -> c.reference() + "=" + mails.getOrDefault(c.email(), 0))
            .toList();
    assertThat(notTwo).as("candidates without exactly two mails").isEmpty();
    assertThat(
            cluster.countWhereAny(
                "select count(*) from notification n join application a on a.reference = n.application_reference"
                    + " where a.process_instance_id = any(?) and n.status = 'SENT'",
                instances))
        .isEqualTo(2L * CASES);

    // every job once: one successful execution per job, none executed twice, all of them done
    Map<String, Long> successesPerJob =
        cluster.groupWhereAny(
            "select job_id_, count(*) from act_hi_job_log where process_instance_id_ = any(?) and job_state_ = 2"
                + " group by job_id_",
            instances);
    assertThat(successesPerJob).hasSize(2 * CASES);
    assertThat(Collections.max(successesPerJob.values())).as("most executions of one job").isEqualTo(1L);
    assertThat(cluster.countWhereAny("select count(*) from act_ru_job where process_instance_id_ = any(?)", instances))
        .as("jobs left")
        .isZero();
    assertThat(cluster.countWhereAny("select count(*) from act_hi_incident where proc_inst_id_ = any(?)", instances))
        .as("incidents")
        .isZero();

    // and the work was shared
    Map<String, Long> perNode =
        cluster.groupWhereAny(
            "select hostname_, count(*) from act_hi_job_log where process_instance_id_ = any(?) and job_state_ = 2"
                + " group by hostname_",
            instances);
    assertThat(perNode.keySet()).as("nodes that ran jobs: " + perNode).containsExactlyInAnyOrder("node-a", "node-b");
    System.out.printf(
        "%d cases on two nodes: jobs run per node %s; failed attempts (retried) %d%n",
        CASES,
        perNode,
        cluster.countWhereAny(
            "select count(*) from act_hi_job_log where process_instance_id_ = any(?) and job_state_ = 1", instances));
    assertThat(perNode.values().stream().collect(Collectors.summingLong(Long::longValue))).isEqualTo(2L * CASES);
  }
}
