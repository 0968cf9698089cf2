package org.racetoplace.assessment.builtin;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How hard an item is; a bank file writes {@code easy}, {@code medium}, {@code hard} or 1–3. */
public enum Difficulty {
  EASY,
  MEDIUM,
  HARD;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code easy}/{@code medium}/{@code hard} in any letter case, or {@code 1}/{@code 2}/{@code 3}. */
  public static Optional<Difficulty> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(level -> level.code().equals(wanted) || String.valueOf(level.ordinal() + 1).equals(wanted))
        .findFirst();
  }
}
