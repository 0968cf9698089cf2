package org.racetoplace.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V15 (raw score on {@code assessment_result}) on a database that already holds results
 * of every kind at V14, shared by the H2 test and the PostgreSQL suite: a built-in result gets the
 * raw score of the sitting that links it; a staff result stays null, even beside a cancelled
 * sitting of the same application that kept a raw score but handed no result to the case.
 */
public final class RawScoreMigration {

  private static final long BUILT_IN = 101;
  private static final long STAFF_ONLY = 102;
  private static final long STAFF_BESIDE_CANCELLED = 103;

  private RawScoreMigration() {}

  /**
   * @param flyway a fresh configuration of an empty database (or schema) each time it is called
   * @param jdbc the same database
   */
  public static void backfillsBuiltInResultsOnly(Supplier<FluentConfiguration> flyway, JdbcTemplate jdbc) {
    flyway.get().target("14").load().migrate();
    assertThat(applied(flyway)).contains("14").doesNotContain("15");
    long first = application(jdbc, "BHM-000901", "v15-first@example.org");
    long second = application(jdbc, "BHM-000902", "v15-second@example.org");
    long third = application(jdbc, "BHM-000903", "v15-third@example.org");
    result(jdbc, BUILT_IN, first, "BUILT_IN");
    sitting(jdbc, 201, first, "SUBMITTED", 17, 22, BUILT_IN);
    result(jdbc, STAFF_ONLY, second, "STAFF");
    result(jdbc, STAFF_BESIDE_CANCELLED, third, "STAFF");
    sitting(jdbc, 203, third, "CANCELLED", 5, 22, null);

    flyway.get().load().migrate();
    assertThat(applied(flyway)).contains("15");

    assertThat(rawScores(jdbc))
        .containsEntry(BUILT_IN, "17 of 22")
        .containsEntry(STAFF_ONLY, "null of null")
        .containsEntry(STAFF_BESIDE_CANCELLED, "null of null")
        .hasSize(3);
    // both or neither, and never more right than scored
    assertThatThrownBy(() -> jdbc.update("update assessment_result set raw_score = 3 where id = ?", STAFF_ONLY))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("update assessment_result set raw_score = 23 where id = ?", BUILT_IN))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private static List<String> applied(Supplier<FluentConfiguration> flyway) {
    return Arrays.stream(flyway.get().load().info().applied())
        .filter(migration -> migration.getVersion() != null)
        .map(migration -> migration.getVersion().getVersion())
        .toList();
  }

  private static long application(JdbcTemplate jdbc, String reference, String email) {
    jdbc.update(
        "insert into candidate (community_id, email, first_name, last_name, consent_at, created_at, updated_at)"
            + " values ('birmingham', ?, 'Test', 'Person', current_timestamp, current_timestamp, current_timestamp)",
        email);
    long candidate = jdbc.queryForObject("select id from candidate where email = ?", Long.class, email);
    jdbc.update(
        "insert into application (reference, candidate_id, community_id, role_track, status, status_token_hash,"
            + " created_at, updated_at) values (?, ?, 'birmingham', 'software-engineer', 'IN_PROGRESS', 'hash',"
            + " current_timestamp, current_timestamp)",
        reference,
        candidate);
    return jdbc.queryForObject("select id from application where reference = ?", Long.class, reference);
  }

  private static void result(JdbcTemplate jdbc, long id, long application, String source) {
    jdbc.update(
        "insert into assessment_result (id, application_id, source, language, fundamentals_score, language_score,"
            + " scaled_score, completed_at, created_at) values (?, ?, ?, 'Java', 70, 60, 66, current_timestamp,"
            + " current_timestamp)",
        id,
        application,
        source);
  }

  private static void sitting(
      JdbcTemplate jdbc, long id, long application, String status, int raw, int max, Long resultId) {
    jdbc.update(
        "insert into assessment_sitting (id, application_id, language, status, bank_version, started_at, deadline,"
            + " finished_at, raw_score, max_score, result_id, version) values (?, ?, 'Java', ?, 'fundamentals@1 java@1',"
            + " current_timestamp, current_timestamp, current_timestamp, ?, ?, ?, 0)",
        id,
        application,
        status,
        raw,
        max,
        resultId);
  }

  private static Map<Long, String> rawScores(JdbcTemplate jdbc) {
    Map<Long, String> scores = new HashMap<>();
    jdbc.query(
        "select id, raw_score, max_score from assessment_result",
        row -> {
          scores.put(row.getLong("id"), row.getObject("raw_score") + " of " + row.getObject("max_score"));
        });
    return scores;
  }
}
