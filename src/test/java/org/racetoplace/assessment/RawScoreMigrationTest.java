package org.racetoplace.assessment;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Migration V15 on H2: the raw score moves onto the results of built-in sittings, and only there. */
class RawScoreMigrationTest {

  @Test
  void existingBuiltInResultsGetTheirSittingsRawScoreAndOthersStayNull() {
    DriverManagerDataSource database =
        new DriverManagerDataSource("jdbc:h2:mem:v15-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    RawScoreMigration.backfillsBuiltInResultsOnly(
        () -> Flyway.configure().dataSource(database).locations("classpath:db/migration"),
        new JdbcTemplate(database));
  }
}
