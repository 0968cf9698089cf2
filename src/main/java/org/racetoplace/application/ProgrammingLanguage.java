package org.racetoplace.application;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The programming languages a candidate may name as preferred: the one list the intake API, the
 * stored rows and the assessment refer to. Clients may send any letter case; the canonical name
 * is stored.
 */
public enum ProgrammingLanguage {
  JAVA("Java"),
  JAVASCRIPT("JavaScript"),
  TYPESCRIPT("TypeScript"),
  PYTHON("Python"),
  CSHARP("C#"),
  GO("Go"),
  RUBY("Ruby"),
  PHP("PHP"),
  KOTLIN("Kotlin"),
  SWIFT("Swift"),
  CPP("C++"),
  C("C");

  private final String displayName;

  ProgrammingLanguage(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<ProgrammingLanguage> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(language -> language.displayName.toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  public static List<String> displayNames() {
    return Arrays.stream(values()).map(ProgrammingLanguage::displayName).toList();
  }
}
