package org.racetoplace.platform.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Which forms each process model refers to with {@code camunda:formRef}, so that a process and
 * its forms always travel in one deployment.
 *
 * <p>Our models bind their forms with {@code camunda:formRefBinding="deployment"}: a case keeps
 * the form version that was deployed with its process version, so a form that gains a field
 * never confronts an older case with a field its model does not know. The engine resolves such a
 * reference inside the process's own deployment only; {@link ModelDeployment} therefore asks this
 * class which files must accompany a changed one.
 */
final class FormBindings {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** form id (the {@code id} in the form's JSON) → resource name */
  private final Map<String, String> formResources = new HashMap<>();
  /** process resource name → form ids it refers to */
  private final Map<String, Set<String>> formsOfProcess = new HashMap<>();

  FormBindings(Map<String, byte[]> resources) {
    resources.forEach(
        (name, bytes) -> {
          if (name.endsWith(".form")) {
            String id = formId(bytes);
            if (id != null) {
              formResources.put(id, name);
            }
          } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
            formsOfProcess.put(name, formRefs(bytes));
          }
        });
  }

  /**
   * The files to deploy when {@code changed} changed: each changed file, every process that refers
   * to a changed form, and every form those processes refer to.
   */
  Set<String> closure(Set<String> changed) {
    Set<String> result = new LinkedHashSet<>(changed);
    for (Map.Entry<String, Set<String>> process : formsOfProcess.entrySet()) {
      boolean usesChangedForm =
          process.getValue().stream().map(formResources::get).anyMatch(changed::contains);
      if (usesChangedForm) {
        result.add(process.getKey());
      }
    }
    for (String name : Set.copyOf(result)) {
      for (String formId : formsOfProcess.getOrDefault(name, Set.of())) {
        String form = formResources.get(formId);
        if (form != null) {
          result.add(form);
        }
      }
    }
    return result;
  }

  private static String formId(byte[] bytes) {
    try {
      JsonNode id = JSON.readTree(bytes).path("id");
      return id.isTextual() ? id.asText() : null;
    } catch (IOException e) {
      // the engine reports a form it cannot read when it deploys it
      return null;
    }
  }

  private static Set<String> formRefs(byte[] bytes) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      // a model that does not parse: the engine names the file and the line when it deploys it
      return Set.of();
    }
    Set<String> refs = new LinkedHashSet<>();
    Stream.concat(
            model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef),
            model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef))
        .filter(ref -> ref != null && !ref.isBlank())
        .forEach(refs::add);
    return refs;
  }
}
