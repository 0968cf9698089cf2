package org.racetoplace.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The static activity → stage map agrees with processes/hiring-pipeline.bpmn. */
class StuckCaseActivitiesModelTest {

  private static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("processes/hiring-pipeline.bpmn"));

  @ParameterizedTest
  @EnumSource(WatchedActivity.class)
  void everyWatchedActivityExistsWithItsKindInsideItsStage(WatchedActivity activity) {
    ModelElementInstance element = MODEL.getModelElementById(activity.activityId());
    assertThat(element).as(activity.activityId()).isNotNull();
    assertThat(element)
        .isInstanceOf(activity.kind() == WatchedActivity.Kind.TASK ? UserTask.class : ReceiveTask.class);
    assertThat(element.getParentElement()).isInstanceOf(SubProcess.class);
    assertThat(((SubProcess) element.getParentElement()).getId()).isEqualTo(activity.stage().id());
  }

  @Test
  void everyUserTaskAndReceiveTaskOfThePipelineHasATarget() {
    java.util.Set<String> watched =
        java.util.Arrays.stream(WatchedActivity.values()).map(WatchedActivity::activityId).collect(java.util.stream.Collectors.toSet());
    MODEL.getModelElementsByType(UserTask.class).forEach(task -> assertThat(watched).contains(task.getId()));
    MODEL.getModelElementsByType(ReceiveTask.class).forEach(task -> assertThat(watched).contains(task.getId()));
  }

  @ParameterizedTest
  @EnumSource(PipelineStage.class)
  void everyStageIsASubProcessOfThatName(PipelineStage stage) {
    ModelElementInstance element = MODEL.getModelElementById(stage.id());
    assertThat(element).isInstanceOf(SubProcess.class);
    assertThat(((SubProcess) element).getName()).isEqualTo(stage.label());
    assertThat(PipelineStage.fromParameter(stage.id())).contains(stage);
    assertThat(PipelineStage.fromParameter(stage.label().toUpperCase())).contains(stage);
  }
}
