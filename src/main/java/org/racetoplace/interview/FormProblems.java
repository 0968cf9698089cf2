package org.racetoplace.interview;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** Collects what is wrong with a task form, to refuse it once with every field named. */
final class FormProblems {

  private final Map<String, String> problems = new LinkedHashMap<>();

  void add(String field, String problem) {
    problems.putIfAbsent(field, problem);
  }

  boolean has(String field) {
    return problems.containsKey(field);
  }

  /**
   * @throws FormFieldValidationException when anything was added: one message naming every field
   *     (Tasklist and /engine-rest show it), detail a map of field to problem
   */
  void throwIfAny(String title) {
    if (problems.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder(title).append(": ");
    problems.forEach((field, problem) -> message.append(field).append(" — ").append(problem).append("; "));
    message.setLength(message.length() - 2);
    throw new FormFieldValidationException(Map.copyOf(problems), message.toString());
  }

  /** Trimmed text, null when absent or blank; a problem when not text or too long. */
  String text(Object value, String field, int maxLength) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String string)) {
      add(field, "must be text");
      return null;
    }
    String trimmed = string.trim();
    if (trimmed.length() > maxLength) {
      add(field, "at most " + maxLength + " characters (" + trimmed.length() + " given)");
      return null;
    }
    return trimmed.isEmpty() ? null : trimmed;
  }
}
