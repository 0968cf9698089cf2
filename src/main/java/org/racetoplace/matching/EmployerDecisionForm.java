package org.racetoplace.matching;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * The two employer forms' shared shape, checked on the server as the form checks it in the
 * browser: a decision out of two values, and a reason of at most {@value #MAX_REASON_LENGTH}
 * characters that is required to decline. Every problem is reported at once.
 *
 * @param decision the chosen value
 * @param declineReason trimmed; null unless declining
 */
record EmployerDecisionForm(String decision, String declineReason) {

  static final int MAX_REASON_LENGTH = 2000;

  /**
   * Reads and checks the form of {@code task}.
   *
   * @param decisionVariable {@code employerDecision} or {@code hiringDecision}
   * @param yes the value that moves the case on ({@code invite}, {@code hire})
   * @throws org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException naming every
   *     bad field
   */
  static EmployerDecisionForm read(DelegateTask task, String decisionVariable, String yes) {
    String decision = MatchVariables.text(task.getVariable(decisionVariable));
    String reason = MatchVariables.text(task.getVariable(HiringPipeline.VAR_DECLINE_REASON));
    List<String> fields = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    boolean declining = HiringPipeline.DECISION_DECLINE.equals(decision);
    if (!yes.equals(decision) && !declining) {
      fields.add(decisionVariable);
      problems.add(
          decisionVariable
              + " must be '"
              + yes
              + "' or '"
              + HiringPipeline.DECISION_DECLINE
              + "', was "
              + (decision == null ? "empty" : "'" + decision + "'"));
    }
    if (declining && reason == null) {
      fields.add(HiringPipeline.VAR_DECLINE_REASON);
      problems.add(HiringPipeline.VAR_DECLINE_REASON + " is required to decline: say why, for the program's records");
    }
    if (declining && reason != null && reason.length() > MAX_REASON_LENGTH) {
      fields.add(HiringPipeline.VAR_DECLINE_REASON);
      problems.add(
          HiringPipeline.VAR_DECLINE_REASON
              + " must be at most "
              + MAX_REASON_LENGTH
              + " characters, has "
              + reason.length());
    }
    if (!problems.isEmpty()) {
      throw MatchVariables.invalid(fields, problems);
    }
    return new EmployerDecisionForm(decision, declining ? reason : null);
  }

  boolean declines() {
    return declineReason != null;
  }
}
