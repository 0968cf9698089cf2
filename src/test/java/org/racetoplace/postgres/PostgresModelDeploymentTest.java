package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racetoplace.RaceToPlaceApplication;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.platform.deployment.ModelFolders;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What differs on the real database: restarts on PostgreSQL, and two nodes of a cluster starting
 * at the same moment with a changed model, which must still make exactly one new version and
 * set up identity once (Camunda's deployment lock and our idempotent set-up).
 */
@Tag("postgres")
class PostgresModelDeploymentTest {

  private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

  @TempDir Path workDir;

  @Test
  void restartWithUnchangedModelsMakesNoNewVersion() throws IOException {
    Path processes = copyOf("processes");
    Path forms = copyOf("forms");
    int before;
    try (ConfigurableApplicationContext node = start(processes, forms)) {
      before = versionCount(node);
    }
    try (ConfigurableApplicationContext node = start(processes, forms)) {
      assertThat(versionCount(node)).isEqualTo(before);
    }
  }

  @Test
  void twoNodesStartingTogetherWithAChangedModelMakeExactlyOneNewVersion() throws Exception {
    Path processes = copyOf("processes");
    Path forms = copyOf("forms");
    int before;
    try (ConfigurableApplicationContext node = start(processes, forms)) {
      before = versionCount(node);
    }
    Path model = processes.resolve("hiring-pipeline.bpmn");
    Files.writeString(
        model,
        Files.readString(model)
            .replace("name=\"Hiring pipeline\"", "name=\"Hiring pipeline (" + System.nanoTime() + ")\""));

    // two Spring Boot starts at once would both reconfigure Logback and trip over each other
    System.setProperty(LOGGING_SYSTEM, "none");
    ExecutorService starter = Executors.newFixedThreadPool(2);
    List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    try {
      Callable<ConfigurableApplicationContext> startNode = () -> start(processes, forms);
      List<Future<ConfigurableApplicationContext>> started = starter.invokeAll(List.of(startNode, startNode));
      for (Future<ConfigurableApplicationContext> node : started) {
        nodes.add(node.get());
      }
      assertThat(versionCount(nodes.get(0))).isEqualTo(before + 1);
      IdentityService identity = nodes.get(0).getBean(IdentityService.class);
      assertThat(identity.createGroupQuery().groupId("vetters-birmingham").count()).isEqualTo(1);
    } finally {
      nodes.forEach(ConfigurableApplicationContext::close);
      starter.shutdownNow();
      System.clearProperty(LOGGING_SYSTEM);
    }
  }

  private ConfigurableApplicationContext start(Path processes, Path forms) {
    return new SpringApplicationBuilder(RaceToPlaceApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--spring.profiles.active=postgres",
            "--spring.datasource.url=" + PostgresTestDatabase.URL,
            "--spring.datasource.username=" + PostgresTestDatabase.USER,
            "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
            "--hiring.admin.password=" + PostgresTestDatabase.ADMIN_PASSWORD,
            "--hiring.models.processes-dir=" + processes,
            "--hiring.models.forms-dir=" + forms,
            "--camunda.bpm.job-execution.enabled=false",
            "--spring.autoconfigure.exclude="
                + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration");
  }

  private Path copyOf(String folder) throws IOException {
    return ModelFolders.copyOf(folder, workDir);
  }

  private static int versionCount(ConfigurableApplicationContext node) {
    return (int)
        node.getBean(RepositoryService.class).createProcessDefinitionQuery()
            .processDefinitionKey(HiringPipeline.PROCESS_ID).count();
  }
}
