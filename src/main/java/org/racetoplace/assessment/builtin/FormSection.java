package org.racetoplace.assessment.builtin;

import java.util.Locale;

/** The two parts of a form: coding fundamentals, then the chosen programming language. */
public enum FormSection {
  FUNDAMENTALS,
  LANGUAGE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
