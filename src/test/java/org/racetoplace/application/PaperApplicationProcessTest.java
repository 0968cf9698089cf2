package org.racetoplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * {@code processes/paper-application.bpmn} with its start form, loaded from the very files
 * deployed. The registration is a stand-in; {@link RegisterPaperApplicationDelegate} itself is
 * tested in {@link PaperApplicationFormTest} and, inside the application, in {@code
 * PaperApplicationWebTest}.
 */
@Deployment(resources = {"processes/paper-application.bpmn", "forms/paper-application.form"})
class PaperApplicationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder()
          .configurationResource("process-test.camunda.cfg.xml")
          .assertClassCoverageAtLeast(1.0)
          .build();

  /** What the stand-in registration saw of each submitted form: its first name. */
  private final List<Object> registered = new ArrayList<>();

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  private ProcessDefinition definition() {
    return repositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(RegisterPaperApplicationDelegate.PROCESS_ID)
        .latestVersion()
        .singleResult();
  }

  @Test
  void theStartFormIsThePaperApplicationFormAndStaffMayStartIt() throws Exception {
    ProcessDefinition definition = definition();
    assertThat(definition.getName()).isEqualTo("Enter a paper application");
    assertThat(definition.getHistoryTimeToLive()).isEqualTo(180);
    assertThat(definition.isStartableInTasklist()).isTrue();

    CamundaFormRef formRef = formService().getStartFormData(definition.getId()).getCamundaFormRef();
    assertThat(formRef.getKey()).isEqualTo("paper-application");
    assertThat(formRef.getBinding()).isEqualTo("deployment");
    try (InputStream form = formService().getDeployedStartForm(definition.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"paper-application\"");
    }
    assertThat(repositoryService().getIdentityLinksForProcessDefinition(definition.getId()))
        .extracting(link -> link.getGroupId())
        .containsExactlyInAnyOrder("staff", "program-managers");
  }

  @Test
  void aSubmittedFormIsRegisteredAndTheInstanceEnds() {
    Mocks.register(
        "registerPaperApplicationDelegate",
        (org.camunda.bpm.engine.delegate.JavaDelegate)
            execution -> {
              registered.add(execution.getVariable("firstName"));
              execution.setVariable(HiringPipeline.VAR_APPLICATION_REFERENCE, "BHM-000001");
            });

    ProcessInstance instance =
        formService().submitStartForm(definition().getId(), Map.of("firstName", "Ada", "consent", true));

    assertThat(registered).containsExactly("Ada");
    assertThat(instance)
        .hasPassedInOrder(
            "StartEvent_PaperApplicationReceived",
            "Task_RegisterPaperApplication",
            "EndEvent_PaperApplicationRegistered")
        .isEnded();
  }

  @Test
  void aRefusedFormLeavesNoInstanceBehind() {
    Mocks.register(
        "registerPaperApplicationDelegate",
        (org.camunda.bpm.engine.delegate.JavaDelegate)
            execution -> {
              throw new FormFieldValidationException(List.of("Email"), "Email: must be a valid email address");
            });

    assertThatThrownBy(
            () -> formService().submitStartForm(definition().getId(), Map.of("email", "not-an-email")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Email: must be a valid email address");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
    assertThat(
            historyService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(RegisterPaperApplicationDelegate.PROCESS_ID)
                .count())
        .isZero();
  }
}
