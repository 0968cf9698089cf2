package org.racetoplace.postgres;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.racetoplace.assessment.RawScoreMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V15 on a real PostgreSQL, in a schema of its own that is dropped afterwards, so the
 * suite's database is left as it was: the same checks as on H2 ({@link RawScoreMigration}).
 */
@Tag("postgres")
class PostgresRawScoreMigrationTest {

  @Test
  void existingBuiltInResultsGetTheirSittingsRawScoreAndOthersStayNull() {
    String schema = "v15_" + UUID.randomUUID().toString().replace("-", "");
    String url = PostgresTestDatabase.URL + (PostgresTestDatabase.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    DriverManagerDataSource database =
        new DriverManagerDataSource(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    JdbcTemplate jdbc = new JdbcTemplate(database);
    try {
      RawScoreMigration.backfillsBuiltInResultsOnly(
          () ->
              Flyway.configure()
                  .dataSource(database)
                  .schemas(schema)
                  .createSchemas(true)
                  .locations("classpath:db/migration"),
          jdbc);
    } finally {
      jdbc.execute("drop schema if exists " + schema + " cascade");
    }
  }
}
