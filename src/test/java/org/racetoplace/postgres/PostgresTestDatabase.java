package org.racetoplace.postgres;

import static org.racetoplace.testing.Environment.env;

/**
 * Where the PostgreSQL suite runs: {@code HIRING_TEST_DB_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/hiring_test}), {@code HIRING_TEST_DB_USER} (default
 * {@code postgres}) and {@code HIRING_TEST_DB_PASSWORD}. {@code .ci/run} creates the database.
 */
final class PostgresTestDatabase {

  static final String URL = env("HIRING_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/hiring_test");
  static final String USER = env("HIRING_TEST_DB_USER", "postgres");
  static final String PASSWORD = env("HIRING_TEST_DB_PASSWORD", "");
  static final String ADMIN_PASSWORD = "postgres-suite-admin";

  private PostgresTestDatabase() {}
}
