package org.racetoplace.assessment.builtin;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question the built-in assessment asks, named in bank files as {@link #code()}. */
public enum ItemKind {
  /** One option is right; the answer is one option id. */
  SINGLE_CHOICE("single-choice", true),
  /** One or more options are right; the answer is a set of option ids, scored all-or-nothing. */
  MULTIPLE_CHOICE("multiple-choice", true),
  /** "What does this print?" about a code snippet; the answer is typed and compared as text. */
  OUTPUT_PREDICTION("output-prediction", false),
  /** A short typed answer (a word, a number, a Big-O term), compared as text. */
  SHORT_ANSWER("short-answer", false);

  private final String code;
  private final boolean choice;

  ItemKind(String code, boolean choice) {
    this.code = code;
    this.choice = choice;
  }

  /** The name in bank files and in the API: {@code single-choice}, {@code output-prediction}. */
  public String code() {
    return code;
  }

  /** Answered by picking options (rather than typing text). */
  public boolean isChoice() {
    return choice;
  }

  public static Optional<ItemKind> fromCode(String code) {
    return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
  }

  public static String codes() {
    return String.join(", ", Arrays.stream(values()).map(ItemKind::code).toList());
  }
}
