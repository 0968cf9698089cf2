package org.racetoplace.engine;

import static org.racetoplace.testing.Environment.env;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.pipeline.HiringRetries;
import org.racetoplace.platform.engine.EngineSettingsPlugin;

/**
 * The intake target's yardstick: how many cases per second a Camunda engine alone starts on
 * PostgreSQL, with no HTTP, no Spring and none of our tables, from 16 threads (the load driver's
 * 16 clients) over a pool of 20 connections (the application's).
 *
 * <ul>
 *   <li>{@code model=one-task}: a start event and one user task, the "bare engine".
 *   <li>{@code model=hiring-pipeline}: our model from {@code processes/}, its screening step a
 *       stand-in that passes every case (so what a case start costs the engine: the Apply stage,
 *       the gateway, the confirmation's job and their history), its mail steps never reached
 *       (the job executor is off, as the confirmation jobs are not part of the request).
 *   <li>{@code engine=bare}: Camunda as shipped. {@code engine=ours}: with {@link
 *       EngineSettingsPlugin} (a tenant per community, the personal-data filter in front of the
 *       history), as the application runs it.
 * </ul>
 *
 * <p>Each trial starts on an empty database, {@code HIRING_BENCH_DB_URL} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/hiring_engine_start_bench}), which it drops and creates again;
 * the cases it starts accumulate over the trial, as an intake burst's do. Run from the repository
 * root (docs/performance.md, "Intake against the bare engine"):
 *
 * <pre>./mvnw -Pbench test-compile exec:exec -Dbench.args="-f 1 EngineStartBenchmark"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(16)
public class EngineStartBenchmark {

  static final String ONE_TASK = "one-task";
  static final String PIPELINE = HiringPipeline.PROCESS_ID;
  static final List<String> COMMUNITIES =
      List.of("birmingham", "atlanta", "akron", "seattle", "hawaii", "rhode-island");

  @Param({ONE_TASK, PIPELINE})
  public String model;

  @Param({"bare", "ours"})
  public String engine;

  /** {@code full} is what the application runs; {@code audit}, {@code activity}, {@code none}. */
  @Param({"full"})
  public String history;

  private HikariDataSource dataSource;
  private ProcessEngine processEngine;
  private RuntimeService runtimeService;
  private final AtomicLong started = new AtomicLong();

  @Setup(Level.Trial)
  public void startEngine() throws Exception {
    String url = env("HIRING_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hiring_engine_start_bench");
    String user = env("HIRING_BENCH_DB_USER", "postgres");
    String password = env("HIRING_BENCH_DB_PASSWORD", "");
    recreate(url, user, password);

    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(20);
    pool.setAutoCommit(false);
    dataSource = new HikariDataSource(pool);

    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration
        .setDataSource(dataSource)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(history)
        .setJobExecutorActivate(false)
        .setAuthorizationEnabled(true);
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setBeans(
        Map.of(
            "screenApplicationDelegate",
            (JavaDelegate)
                execution -> {
                  execution.setVariable(HiringPipeline.VAR_SCREENING_PASSED, true);
                  execution.setVariable(HiringPipeline.VAR_SCREENING_OUTCOME, "PASSED");
                },
            "notifyCandidateDelegate",
            (JavaDelegate) execution -> {},
            "hiringRetries",
            new HiringRetries("R3/PT5M")));
    switch (engine) {
      case "bare" -> {}
      case "ours" -> configuration.getProcessEnginePlugins().add(new EngineSettingsPlugin());
      default -> throw new IllegalArgumentException("unknown engine " + engine);
    }
    processEngine = configuration.buildProcessEngine();
    runtimeService = processEngine.getRuntimeService();
    deploy();
  }

  private void deploy() throws IOException {
    DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment().name(model);
    switch (model) {
      case ONE_TASK ->
          deployment.addModelInstance(
              ONE_TASK + ".bpmn",
              Bpmn.createExecutableProcess(ONE_TASK)
                  .camundaHistoryTimeToLive(180)
                  .startEvent("StartEvent_Received")
                  .userTask("Task_Review")
                  .endEvent("EndEvent_Done")
                  .done());
      case PIPELINE -> {
        // every model and decision in processes/, as the application deploys them
        try (var files = Files.list(Path.of("processes"))) {
          for (Path file : files.sorted().toList()) {
            deployment.addString(file.getFileName().toString(), Files.readString(file));
          }
        }
      }
      default -> throw new IllegalArgumentException("unknown model " + model);
    }
    deployment.deploy();
  }

  @TearDown(Level.Trial)
  public void stopEngine() {
    processEngine.close();
    dataSource.close();
  }

  /** One case, started as intake starts it: business key = reference, two small variables. */
  @Benchmark
  public String startCase() {
    long n = started.incrementAndGet();
    String reference = "BENCH-" + n;
    return runtimeService
        .startProcessInstanceByKey(
            model,
            reference,
            Variables.createVariables()
                .putValue(HiringPipeline.VAR_APPLICATION_REFERENCE, reference)
                .putValue(HiringPipeline.VAR_COMMUNITY, COMMUNITIES.get((int) (n % COMMUNITIES.size()))))
        .getId();
  }

  /** Drops and creates the trial's database through the server's {@code postgres} database. */
  private static void recreate(String url, String user, String password) throws SQLException {
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    String name = url.substring(slash + 1, query < 0 ? url.length() : query);
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("database name " + name + ": lower-case letters, digits and _ only");
    }
    try (Connection admin = DriverManager.getConnection(url.substring(0, slash + 1) + "postgres", user, password);
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
    }
  }
}
