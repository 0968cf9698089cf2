package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
 * PostgreSQL restarted under a steady stream of applications. The application is not told: its
 * pool finds the broken connections by itself and opens new ones once the database is back.
 * During the outage intake answers 503 (never 500); afterwards it accepts again, every accepted
 * application (201) has its case, every case sent its confirmation and waits for its assessment,
 * and no job is left failed or locked.
 *
 * <p>The restart is real when a command is given — system property {@value #RESTART_PROPERTY} or
 * environment variable {@value #RESTART_ENV}, e.g. {@code pg_ctlcluster --skip-systemctl-redirect
 * 15 main restart -m immediate} (CI, alone on its machine). Without one (a developer's machine, a
 * server others use) the test plays the restart on its own database only: every connection to it
 * is terminated and new ones are refused until the application has been refused at least
 * {@value #REFUSED_DURING_OUTAGE} times.
 */
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.hikari.connection-timeout=2000",
      "hiring.retries.connection-wait=PT1S",
      "hiring.rate-limits.enabled=false",
      // a job whose failure could not be written while the database was away keeps its lock
      // until it expires: short here, so the test does not wait the production five minutes
      "camunda.bpm.job-execution.lock-time-in-millis=20000",
      "camunda.bpm.job-execution.wait-time-in-millis=500",
      "camunda.bpm.job-execution.max-wait=1000"
    })
class PostgresRestartTest {

  static final String RESTART_PROPERTY = "hiring.test.pg-restart-command";
  static final String RESTART_ENV = "HIRING_TEST_PG_RESTART_COMMAND";
  private static final int REFUSED_DURING_OUTAGE = 5;
  private static final int ACCEPTED_BEFORE = 5;
  private static final int ACCEPTED_AFTER = 5;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String databaseUrl;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    databaseUrl = ClusterSupport.freshDatabase("restart");
    registry.add("spring.datasource.url", () -> databaseUrl);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("hiring.admin.password", () -> PostgresTestDatabase.ADMIN_PASSWORD);
  }

  @Autowired TestRestTemplate rest;

  private final ExecutorService clients = Executors.newFixedThreadPool(2);
  private final AtomicBoolean loading = new AtomicBoolean(true);
  private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

  @AfterEach
  void stopLoad() {
    loading.set(false);
    clients.shutdownNow();
  }

  @Test
  void intakeRecoversByItselfAndEveryAcceptedApplicationHasItsCase() throws Exception {
    JdbcTemplate jdbc = ClusterSupport.template(databaseUrl);
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<Future<?>> load = List.of(clients.submit(() -> steadyLoad(run + "-a")), clients.submit(() -> steadyLoad(run + "-b")));

    ClusterSupport.await("applications accepted before the restart", Duration.ofMinutes(1), () -> accepted.size() >= ACCEPTED_BEFORE);
    int acceptedBefore = restartDatabase();
    ClusterSupport.await(
        "applications accepted after the restart",
        Duration.ofMinutes(2),
        () -> accepted.size() >= acceptedBefore + ACCEPTED_AFTER);
    loading.set(false);
    for (Future<?> client : load) {
      client.get(2, TimeUnit.MINUTES);
    }

    assertThat(unexpected).as("answers other than 201 and 503").isEmpty();
    List<String> references = List.copyOf(accepted);
    for (String reference : references) {
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from application a join act_hi_procinst p on p.id_ = a.process_instance_id"
                      + " where a.reference = ?",
                  Long.class,
                  reference))
          .as("case of " + reference)
          .isEqualTo(1);
    }
    // an application whose commit was under way when the connection broke may be stored although
    // its client saw a 503; stored or not, an application never stands without its case
    assertThat(
            jdbc.queryForObject(
                "select count(*) from application a where not exists"
                    + " (select 1 from act_hi_procinst p where p.id_ = a.process_instance_id)",
                Long.class))
        .as("applications without a case")
        .isZero();

    ClusterSupport.await(
        "every confirmation job run",
        Duration.ofMinutes(2),
        () -> jdbc.queryForObject("select count(*) from act_ru_job where handler_type_ = 'async-continuation'", Long.class) == 0);
    long stored = jdbc.queryForObject("select count(*) from application", Long.class);
    assertThat(stored).isGreaterThanOrEqualTo(references.size());
    assertThat(jdbc.queryForObject("select count(*) from notification where status = 'SENT'", Long.class))
        .as("confirmations sent")
        .isEqualTo(stored);
    assertThat(
            jdbc.queryForObject(
                "select count(distinct proc_inst_id_) from act_ru_event_subscr where event_name_ = 'AssessmentCompleted'",
                Long.class))
        .as("cases waiting for their assessment")
        .isEqualTo(stored);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Long.class)).as("incidents").isZero();
    assertThat(jdbc.queryForObject("select count(*) from act_ru_job where lock_owner_ is not null", Long.class))
        .as("jobs left locked")
        .isZero();
  }

  /** Restarts the server, or plays its restart on this test's database; returns the accepted count before. */
  private int restartDatabase() throws Exception {
    String command = System.getProperty(RESTART_PROPERTY, System.getenv(RESTART_ENV));
    if (command != null && !command.isBlank()) {
      int before = accepted.size();
      Process restart = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
      String output = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(restart.waitFor(2, TimeUnit.MINUTES)).as("restart command finished").isTrue();
      assertThat(restart.exitValue()).as(command + ": " + output).isZero();
      return before;
    }
    String name = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    JdbcTemplate server = ClusterSupport.serverTemplate();
    server.execute("alter database " + name + " allow_connections false");
    int before;
    try {
      server.queryForList(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()",
          name);
      before = accepted.size();
      int refusedBefore = refused();
      ClusterSupport.await(
          "intake refused while the database is away",
          Duration.ofMinutes(1),
          () -> refused() >= refusedBefore + REFUSED_DURING_OUTAGE);
    } finally {
      server.execute("alter database " + name + " allow_connections true");
    }
    return before;
  }

  private int refused() {
    AtomicInteger count = answers.get(503);
    return count == null ? 0 : count.get();
  }

  private void steadyLoad(String client) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    for (int i = 0; loading.get(); i++) {
      String body =
          """
          {"firstName":"Evelyn","lastName":"Boyd","email":"restart-%s-%d@example.org","community":"atlanta",
           "roleTrack":"software-engineer","languages":["Java"],"consent":true}"""
              .formatted(client, i);
      ResponseEntity<String> answer = rest.postForEntity("/api/applications", new HttpEntity<>(body, headers), String.class);
      int status = answer.getStatusCode().value();
      answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
      if (status == 201) {
        try {
          accepted.add(JSON.readTree(answer.getBody()).get("reference").asText());
        } catch (IOException e) {
          unexpected.add("unreadable 201: " + answer.getBody());
        }
      } else if (status != 503) {
        unexpected.add(status + " " + answer.getBody());
      }
    }
  }
}
