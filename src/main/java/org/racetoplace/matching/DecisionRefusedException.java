package org.racetoplace.matching;

/**
 * A decision on a proposal or a placement that the current state does not allow: the proposal was
 * already decided, the opening has no position left, the start date is out of range. The task
 * listeners turn it into a form validation error, so the task stays open, nothing is stored and
 * Tasklist (or {@code /engine-rest}, as a 400) shows the message.
 */
public class DecisionRefusedException extends RuntimeException {

  private final String field;

  /**
   * @param field the form field the refusal is about, or null when it is about the case as a whole
   */
  public DecisionRefusedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The form field the refusal is about; null when it concerns no single field. */
  public String getField() {
    return field;
  }
}
