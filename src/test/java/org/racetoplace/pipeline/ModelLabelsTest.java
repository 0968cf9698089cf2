package org.racetoplace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a program manager sees in Cockpit and the Modeler: every element of every model in
 * {@code processes/} has a name and a shape in the diagram, joining gateways included, so a case
 * waiting anywhere is shown at a labelled place.
 */
class ModelLabelsTest {

  static Stream<File> models() {
    File[] files = new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"));
    assertThat(files).isNotEmpty();
    return Arrays.stream(files).sorted();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyFlowNodeIsNamed(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    List<String> unnamed =
        model.getModelElementsByType(FlowNode.class).stream()
            .filter(node -> node.getName() == null || node.getName().isBlank())
            .map(FlowNode::getId)
            .toList();
    assertThat(unnamed).as(file.getName()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyFlowNodeIsDrawn(File file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file);
    List<String> drawn =
        model.getModelElementsByType(BpmnShape.class).stream()
            .filter(shape -> shape.getBpmnElement() != null)
            .map(shape -> shape.getBpmnElement().getId())
            .toList();
    List<String> notDrawn =
        model.getModelElementsByType(FlowNode.class).stream()
            .map(FlowNode::getId)
            .filter(id -> !drawn.contains(id))
            .toList();
    assertThat(notDrawn).as(file.getName()).isEmpty();
  }
}
