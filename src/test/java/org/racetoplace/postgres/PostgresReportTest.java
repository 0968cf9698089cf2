package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.racetoplace.reports.AdverseImpacts;
import org.racetoplace.reports.PilotFunnel;
import org.racetoplace.reports.ReportHistoryFixture;
import org.racetoplace.reports.ReportQueriesTest.ReportQueryAssertions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The report SQL on a real PostgreSQL gives the same figures as on H2 (percentile_cont, epochs). */
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
      "camunda.bpm.job-execution.enabled=false"
    })
class PostgresReportTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.URL);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("hiring.admin.password", () -> PostgresTestDatabase.ADMIN_PASSWORD);
  }

  @Autowired JdbcTemplate jdbc;
  @Autowired PilotFunnel funnel;
  @Autowired AdverseImpacts adverseImpacts;

  @BeforeEach
  void history() {
    new ReportHistoryFixture(jdbc).create();
  }

  @AfterEach
  void cleanUp() {
    new ReportHistoryFixture(jdbc).remove();
  }

  @Test
  void bothReportsGiveTheKnownFiguresOnPostgresql() {
    assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    String from = ReportHistoryFixture.FROM.toString();
    String to = ReportHistoryFixture.TO.toString();
    ReportQueryAssertions.funnel(funnel.report(from, to, null));
    ReportQueryAssertions.adverseImpact(adverseImpacts.report(from, to, null));
  }
}
