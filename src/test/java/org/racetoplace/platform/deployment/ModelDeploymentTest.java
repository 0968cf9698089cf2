package org.racetoplace.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.racetoplace.RaceToPlaceApplication;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restarts of the whole application on one H2 file database, with the models in a folder of the
 * test's own: what a program manager sees when restarting with unchanged, changed and broken
 * models.
 */
class ModelDeploymentTest {

  @TempDir Path workDir;

  @Test
  void unchangedModelsMakeNoNewVersionAndAChangedModelExactlyOne() throws IOException {
    Path processes = copyOf("processes");
    Path forms = copyOf("forms");

    String runningCase;
    long demoCases;
    try (ConfigurableApplicationContext app = start(processes, forms)) {
      assertThat(versions(app)).containsExactly(1);
      assertThat(deployments(app)).isEqualTo(1);
      // one of the demo cases, started on version 1
      runningCase =
          app.getBean(RuntimeService.class)
              .createProcessInstanceQuery()
              .processDefinitionKey(HiringPipeline.PROCESS_ID)
              .active()
              .list()
              .get(0)
              .getId();
      demoCases = app.getBean(HistoryService.class).createHistoricProcessInstanceQuery().count();
    }

    try (ConfigurableApplicationContext app = start(processes, forms)) {
      assertThat(versions(app)).containsExactly(1);
      assertThat(deployments(app)).isEqualTo(1);
      assertThat(app.getBean(HistoryService.class).createHistoricProcessInstanceQuery().count())
          .as("a restart starts no further demo cases")
          .isEqualTo(demoCases);
    }

    Path model = processes.resolve("hiring-pipeline.bpmn");
    Files.writeString(
        model, Files.readString(model).replace("name=\"Vet candidate\"", "name=\"Vet the candidate\""));

    try (ConfigurableApplicationContext app = start(processes, forms)) {
      assertThat(versions(app)).containsExactly(1, 2);
      assertThat(deployments(app)).isEqualTo(2);
      RepositoryService repository = app.getBean(RepositoryService.class);
      String newest =
          repository.createDeploymentQuery().deploymentName("race-to-place").orderByDeploymentTime().desc()
              .list().get(0).getId();
      assertThat(repository.getDeploymentResourceNames(newest))
          .as("the changed model and the forms it binds by deployment, nothing else")
          .containsExactlyInAnyOrder(
              "processes/hiring-pipeline.bpmn",
              "forms/vetting-review.form",
              "forms/reassign-vetting.form",
              "forms/schedule-interview.form",
              "forms/interview-scorecard.form",
              "forms/employer-review.form",
              "forms/employer-decision.form",
              "forms/confirm-placement.form");
      ProcessDefinition definitionOfRunningCase =
          repository.getProcessDefinition(
              app.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(runningCase)
                  .singleResult().getProcessDefinitionId());
      assertThat(definitionOfRunningCase.getVersion()).as("running cases stay on their version").isEqualTo(1);
    }

    try (ConfigurableApplicationContext app = start(processes, forms)) {
      assertThat(versions(app)).containsExactly(1, 2);
    }
  }

  @Test
  void aChangedFormComesWithANewVersionOfItsProcessAndRunningCasesKeepTheirForm() throws IOException {
    Path processes = copyOf("processes");
    Path forms = copyOf("forms");
    String firstDeployment;
    try (ConfigurableApplicationContext app = start(processes, forms)) {
      firstDeployment = deploymentOf(app, 1);
    }

    Path form = forms.resolve("vetting-review.form");
    Files.writeString(form, Files.readString(form).replace("## Vetting review", "## Vet the candidate"));
    assertThat(Files.readString(form)).contains("Vet the candidate");

    try (ConfigurableApplicationContext app = start(processes, forms)) {
      RepositoryService repository = app.getBean(RepositoryService.class);
      assertThat(versions(app)).containsExactly(1, 2);
      String secondDeployment = deploymentOf(app, 2);
      assertThat(repository.getDeploymentResourceNames(secondDeployment))
          .contains("processes/hiring-pipeline.bpmn", "forms/vetting-review.form")
          .doesNotContain("processes/paper-application.bpmn", "forms/paper-application.form")
          .noneMatch(name -> name.endsWith(".dmn"));
      assertThat(formText(repository, firstDeployment)).doesNotContain("Vet the candidate");
      assertThat(formText(repository, secondDeployment)).contains("Vet the candidate");
      assertThat(
              repository.createProcessDefinitionQuery().processDefinitionKey("paper-application").count())
          .as("a process that does not use the form keeps its version")
          .isEqualTo(1);
    }
  }

  private static String deploymentOf(ConfigurableApplicationContext app, int version) {
    return app.getBean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey(HiringPipeline.PROCESS_ID).processDefinitionVersion(version).singleResult()
        .getDeploymentId();
  }

  private static String formText(RepositoryService repository, String deploymentId) throws IOException {
    try (var in = repository.getResourceAsStream(deploymentId, "forms/vetting-review.form")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void resourceNamesDoNotDependOnWhereTheCheckoutLives() throws IOException {
    Path processes = copyOf("processes");
    Path forms = copyOf("forms");
    try (ConfigurableApplicationContext app = start(processes, forms)) {
      RepositoryService repository = app.getBean(RepositoryService.class);
      String deployment = repository.createDeploymentQuery().deploymentName("race-to-place").singleResult().getId();
      assertThat(repository.getDeploymentResourceNames(deployment))
          .allMatch(name -> name.startsWith("processes/") || name.startsWith("forms/"))
          .noneMatch(name -> name.contains(workDir.toString()));
    }
  }

  @Test
  void aModelThatDoesNotParseStopsStartUpNamingTheFile() throws IOException {
    Path processes = copyOf("processes");
    Path forms = copyOf("forms");
    Files.writeString(
        processes.resolve("broken-intake.bpmn"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Broken" targetNamespace="t">
          <bpmn:process id="broken-intake" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Broken" />
            <bpmn:sequenceFlow id="Flow_Broken" sourceRef="StartEvent_Broken" targetRef="Task_DoesNotExist" />
          </bpmn:process>
        </bpmn:definitions>
        """);

    assertThatThrownBy(() -> start(processes, forms).close())
        .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.contains("processes/broken-intake.bpmn")));
  }

  @Test
  void aMissingModelFolderStopsStartUpSayingWhatToSet() {
    Path missing = workDir.resolve("no-such-folder");
    assertThatThrownBy(() -> start(missing, missing).close())
        .satisfies(
            e -> assertThat(messages(e)).anyMatch(m -> m.contains(missing.toString()) && m.contains("HIRING_PROCESSES_DIR")));
  }

  @Test
  void withoutTheDemoProfileTheAdminPasswordIsRequired() throws IOException {
    Path processes = copyOf("processes");
    Path forms = copyOf("forms");
    assertThatThrownBy(
            () ->
                start(processes, forms, "--spring.profiles.active=no-demo", "--hiring.admin.password=")
                    .close())
        .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.contains("HIRING_ADMIN_PASSWORD")));
  }

  private ConfigurableApplicationContext start(Path processes, Path forms, String... extraArgs) {
    List<String> args =
        new ArrayList<>(
            List.of(
                // command-line arguments outrank the test configuration's in-memory database
                "--spring.datasource.url=jdbc:h2:file:" + workDir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--hiring.models.processes-dir=" + processes,
                "--hiring.models.forms-dir=" + forms,
                "--camunda.bpm.job-execution.enabled=false",
                // the REST API needs a servlet container; these tests are about the engine
                "--spring.autoconfigure.exclude="
                    + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration"));
    args.addAll(List.of(extraArgs));
    // no web server: the Camunda webapp starter keeps the application context in a static field,
    // so a second web context in one JVM would pick up the first one's (closed) context
    return new SpringApplicationBuilder(RaceToPlaceApplication.class)
        .web(WebApplicationType.NONE)
        .run(args.toArray(String[]::new));
  }

  private Path copyOf(String folder) throws IOException {
    return ModelFolders.copyOf(folder, workDir);
  }

  private static List<Integer> versions(ConfigurableApplicationContext app) {
    return app.getBean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey(HiringPipeline.PROCESS_ID).orderByProcessDefinitionVersion().asc().list().stream()
        .map(ProcessDefinition::getVersion)
        .toList();
  }

  private static long deployments(ConfigurableApplicationContext app) {
    return app.getBean(RepositoryService.class).createDeploymentQuery().deploymentName("race-to-place").count();
  }

  private static List<String> messages(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.add(String.valueOf(t.getMessage()));
    }
    return messages;
  }
}
