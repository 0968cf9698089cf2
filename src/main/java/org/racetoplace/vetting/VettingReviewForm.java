package org.racetoplace.vetting;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * The vetting form as the server checks it, whatever sent it (Tasklist, /engine-rest, Cockpit): a
 * decision, a rationale to decline, a question for the candidate to ask for more information.
 * The form checks the same in the browser; this is the check that counts.
 *
 * @param rationale trimmed, null when not given; kept for any decision
 * @param informationRequested trimmed; set only with {@link VettingDecision#MORE_INFORMATION}
 */
public record VettingReviewForm(VettingDecision decision, String rationale, String informationRequested) {

  static final int MAX_RATIONALE = 4000;
  static final int MAX_INFORMATION_REQUESTED = 2000;

  /**
   * @param variables the task's variables by name
   * @throws FormFieldValidationException naming every bad field; its detail maps field to problem
   */
  static VettingReviewForm read(Function<String, Object> variables) {
    Map<String, String> problems = new LinkedHashMap<>();
    VettingDecision decision = null;
    Object decisionValue = variables.apply(HiringPipeline.VAR_VETTING_DECISION);
    if (decisionValue == null || decisionValue.toString().isBlank()) {
      problems.put(HiringPipeline.VAR_VETTING_DECISION, "choose approve, decline or more-information");
    } else {
      decision = VettingDecision.fromCode(decisionValue.toString().trim()).orElse(null);
      if (decision == null) {
        problems.put(
            HiringPipeline.VAR_VETTING_DECISION,
            "'" + decisionValue + "' is not approve, decline or more-information");
      }
    }
    String rationale =
        text(variables, HiringPipeline.VAR_VETTING_RATIONALE, MAX_RATIONALE, problems);
    if (decision == VettingDecision.DECLINE && rationale == null
        && !problems.containsKey(HiringPipeline.VAR_VETTING_RATIONALE)) {
      problems.put(HiringPipeline.VAR_VETTING_RATIONALE, "required to decline: say why");
    }
    String question = null;
    if (decision == VettingDecision.MORE_INFORMATION) {
      question =
          text(variables, HiringPipeline.VAR_INFORMATION_REQUESTED, MAX_INFORMATION_REQUESTED, problems);
      if (question == null && !problems.containsKey(HiringPipeline.VAR_INFORMATION_REQUESTED)) {
        problems.put(
            HiringPipeline.VAR_INFORMATION_REQUESTED,
            "required to ask for more information: write the question the candidate will read");
      }
    }
    if (!problems.isEmpty()) {
      throw invalid("The vetting review cannot be completed", problems);
    }
    return new VettingReviewForm(decision, rationale, question);
  }

  /** Trimmed text, null when absent or blank; a problem when not text or too long. */
  private static String text(
      Function<String, Object> variables, String name, int maxLength, Map<String, String> problems) {
    Object value = variables.apply(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String string)) {
      problems.put(name, "must be text");
      return null;
    }
    String trimmed = string.trim();
    if (trimmed.length() > maxLength) {
      problems.put(name, "at most " + maxLength + " characters (" + trimmed.length() + " given)");
      return null;
    }
    return trimmed.isEmpty() ? null : trimmed;
  }

  /** One message naming every field, as Tasklist and /engine-rest show it; the detail maps them. */
  static FormFieldValidationException invalid(String title, Map<String, String> problems) {
    StringBuilder message = new StringBuilder(title).append(": ");
    problems.forEach((field, problem) -> message.append(field).append(" — ").append(problem).append("; "));
    message.setLength(message.length() - 2);
    return new FormFieldValidationException(Map.copyOf(problems), message.toString());
  }
}
