package org.racetoplace.matching;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.racetoplace.pipeline.HiringPipeline;

/** What the Match stage's listeners and delegates read from a case, read the same way by all. */
final class MatchVariables {

  private MatchVariables() {}

  /**
   * The proposal under review ({@code matchProposalId}): a Long as {@code findMatchesDelegate} set
   * it, or an Integer sent by hand through Cockpit or {@code /engine-rest}.
   *
   * @throws IllegalStateException when missing or of another type (a model error: an incident)
   */
  static long proposalId(VariableScope scope) {
    Object value = scope.getVariable(HiringPipeline.VAR_MATCH_PROPOSAL_ID);
    if (value instanceof Long id) {
      return id;
    }
    if (value instanceof Integer id) {
      return id.longValue();
    }
    throw new IllegalStateException(
        "Process variable "
            + HiringPipeline.VAR_MATCH_PROPOSAL_ID
            + " must hold a match proposal id (Long), was "
            + (value == null ? "missing" : value + " (" + value.getClass().getSimpleName() + ")"));
  }

  /** The user completing the task: its assignee, else the authenticated user; null in tests. */
  static String currentUser(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** A form value as trimmed text; null when missing or blank. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  /** The refusal a task listener throws: the task stays open and nothing is stored. */
  static FormFieldValidationException invalid(List<String> fields, List<String> problems) {
    return new FormFieldValidationException(List.copyOf(fields), String.join("; ", problems));
  }

  static FormFieldValidationException refused(DecisionRefusedException refusal) {
    return new FormFieldValidationException(
        refusal.getField() == null ? List.of() : List.of(refusal.getField()), refusal.getMessage(), refusal);
  }
}
