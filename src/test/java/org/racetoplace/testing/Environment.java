package org.racetoplace.testing;

/** Settings that the PostgreSQL suite and the benchmarks take from the environment. */
public final class Environment {

  private Environment() {}

  /** The variable's value, or {@code fallback} when it is unset or blank. */
  public static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
