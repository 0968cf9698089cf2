package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A connection pool of two, exhausted. While the test holds both connections, 50 concurrent
 * applications are all answered 503 with a problem body within the pool's connection timeout —
 * not 500, no stack trace — and nothing is stored. With one connection held, the job executor's
 * mail jobs cannot get the second connection the outbox needs: they fail, keep their retries and
 * are tried again shortly, instead of burning the mail retry cycle. Once the pool is free again
 * every job runs, nothing stays locked, and a burst of 50 concurrent applications on the pool of
 * two gets only 201 or 503, each 201 with its case.
 */
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.hikari.maximum-pool-size=2",
      "spring.datasource.hikari.minimum-idle=2",
      "spring.datasource.hikari.connection-timeout=" + PostgresPoolExhaustionTest.CONNECTION_TIMEOUT_MILLIS,
      "hiring.retries.connection-wait=PT1S",
      "hiring.rate-limits.enabled=false",
      "camunda.bpm.job-execution.wait-time-in-millis=500",
      "camunda.bpm.job-execution.max-wait=1000"
    })
class PostgresPoolExhaustionTest {

  static final long CONNECTION_TIMEOUT_MILLIS = 1000;
  private static final int CONCURRENT = 50;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MAIL_JOBS =
      "select count(*) from act_ru_job where type_ = 'message' and handler_type_ = 'async-continuation'";

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    String url = ClusterSupport.freshDatabase("pool");
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("hiring.admin.password", () -> PostgresTestDatabase.ADMIN_PASSWORD);
  }

  @Autowired TestRestTemplate rest;
  @Autowired DataSource dataSource;
  @Autowired RuntimeService runtimeService;

  /** Reads the database past the application's pool, which the test keeps busy. */
  private JdbcTemplate jdbc;

  private final ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT);
  private final List<Connection> held = new ArrayList<>();

  @AfterEach
  void release() throws Exception {
    clients.shutdownNow();
    for (Connection connection : held) {
      connection.close();
    }
  }

  @Test
  void anExhaustedPoolAnswers503FastAndTheJobExecutorRecovers() throws Exception {
    jdbc = ClusterSupport.template(jdbcUrl());
    String run = UUID.randomUUID().toString().substring(0, 8);

    hold(2);
    List<Answer> refused = burst(run + "-refused");
    for (Answer answer : refused) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(503);
      assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      JsonNode problem = JSON.readTree(answer.body());
      assertThat(problem.get("type").asText()).isEqualTo(ProblemTypes.UNAVAILABLE.toString());
      assertThat(answer.body()).doesNotContain("Exception", "at org.", "at java.");
      assertThat(answer.millis()).as("answered within the connection timeout and a margin").isLessThan(10_000);
    }
    assertThat(jdbc.queryForObject("select count(*) from application", Long.class)).as("stored while refused").isZero();

    // one connection free: intake gets it (a client retries a 503), the outbox in a mail job cannot
    // get a second one next to its job's own
    release(1);
    List<String> references = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      references.add(applyUntilAccepted("pool-" + run + "-" + i + "@example.org"));
    }
    ClusterSupport.await(
        "mail jobs failed for want of a connection",
        Duration.ofMinutes(1),
        () -> jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 1", Long.class) >= 2);
    assertThat(jdbc.queryForList("select retries_ from act_ru_job where type_ = 'message'", Integer.class))
        .as("retries of the mail jobs, untouched by connection failures")
        .isNotEmpty()
        .allSatisfy(retries -> assertThat(retries).isEqualTo(3));

    release(1);
    awaitAllJobsRun();
    assertThat(jdbc.queryForObject("select count(*) from notification where status = 'SENT'", Long.class))
        .isEqualTo(references.size());

    // the pool of two under a burst of its own: refused or accepted, never an error, nothing lost
    List<Answer> burst = burst(run + "-burst");
    List<String> accepted = new ArrayList<>();
    for (Answer answer : burst) {
      assertThat(answer.status()).as(answer.body()).isIn(201, 503);
      if (answer.status() == 201) {
        accepted.add(JSON.readTree(answer.body()).get("reference").asText());
      } else {
        assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      }
    }
    assertThat(accepted).as("accepted in the burst").isNotEmpty();
    for (String reference : accepted) {
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from application a join act_hi_procinst p on p.id_ = a.process_instance_id"
                      + " where a.reference = ?",
                  Long.class,
                  reference))
          .as("case of " + reference)
          .isEqualTo(1);
    }
    awaitAllJobsRun();
    assertThat(jdbc.queryForObject("select count(*) from notification where status = 'SENT'", Long.class))
        .isEqualTo(references.size() + accepted.size());
    assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Long.class)).as("incidents").isZero();
  }

  private void awaitAllJobsRun() {
    ClusterSupport.await(
        "every mail job run", Duration.ofMinutes(2), () -> jdbc.queryForObject(MAIL_JOBS, Long.class) == 0);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_job where lock_owner_ is not null", Long.class))
        .as("jobs left locked")
        .isZero();
  }

  private record Answer(int status, String contentType, String body, long millis) {}

  private List<Answer> burst(String run) throws Exception {
    CyclicBarrier start = new CyclicBarrier(CONCURRENT);
    List<Future<Answer>> futures = new ArrayList<>();
    for (int i = 0; i < CONCURRENT; i++) {
      String email = "pool-" + run + "-" + i + "@example.org";
      futures.add(
          clients.submit(
              () -> {
                start.await(30, TimeUnit.SECONDS);
                long began = System.nanoTime();
                ResponseEntity<String> answer = apply(email);
                MediaType type = answer.getHeaders().getContentType();
                return new Answer(
                    answer.getStatusCode().value(),
                    type == null ? null : type.toString(),
                    answer.getBody(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
              }));
    }
    List<Answer> answers = new ArrayList<>();
    for (Future<Answer> future : futures) {
      answers.add(future.get(2, TimeUnit.MINUTES));
    }
    return answers;
  }

  private String applyUntilAccepted(String email) throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      ResponseEntity<String> answer = apply(email);
      if (answer.getStatusCode().value() == 201) {
        return JSON.readTree(answer.getBody()).get("reference").asText();
      }
      assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(503);
    }
    throw new AssertionError("not accepted in 20 attempts: " + email);
  }

  private ResponseEntity<String> apply(String email) {
    String body =
        """
        {"firstName":"Christine","lastName":"Darden","email":"%s","community":"hawaii",
         "roleTrack":"software-engineer","languages":["Java"],"consent":true}"""
            .formatted(email);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.postForEntity("/api/applications", new HttpEntity<>(body, headers), String.class);
  }

  /** Takes connections out of the application's pool, waiting while the job executor has them. */
  private void hold(int connections) {
    for (int i = 0; i < connections; i++) {
      ClusterSupport.await(
          "a connection of the pool",
          Duration.ofMinutes(1),
          () -> {
            try {
              held.add(dataSource.getConnection());
              return true;
            } catch (SQLException busy) {
              return false;
            }
          });
    }
  }

  private void release(int connections) throws Exception {
    for (int i = 0; i < connections; i++) {
      held.remove(held.size() - 1).close();
    }
  }

  private String jdbcUrl() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getURL();
    }
  }
}
