package org.racetoplace.assessment.builtin;

import java.util.List;

/**
 * The item bank cannot be used: thrown while the application starts, so a malformed bank file
 * stops it. The message lists every problem found, each naming the file and, where it is about
 * one item, the item's position and id.
 */
public class ItemBankException extends IllegalStateException {

  /** More than this many problems are summarised, so one broken file does not flood the log. */
  static final int MAX_LISTED = 50;

  private final List<String> problems;

  ItemBankException(String location, List<String> problems) {
    super(message(location, problems));
    this.problems = List.copyOf(problems);
  }

  ItemBankException(String message, Throwable cause) {
    super(message, cause);
    this.problems = List.of(message);
  }

  /** Every problem, e.g. {@code java.yaml, item 3 (java-lb-03): key 'e' is not an option (a, b, c, d)}. */
  public List<String> getProblems() {
    return problems;
  }

  private static String message(String location, List<String> problems) {
    StringBuilder message =
        new StringBuilder("The assessment item bank at ")
            .append(location)
            .append(" is not valid (")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem):" : " problems):");
    problems.stream().limit(MAX_LISTED).forEach(problem -> message.append("\n  - ").append(problem));
    if (problems.size() > MAX_LISTED) {
      message.append("\n  - … and ").append(problems.size() - MAX_LISTED).append(" more");
    }
    return message.toString();
  }
}
