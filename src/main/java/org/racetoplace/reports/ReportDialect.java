package org.racetoplace.reports;

import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the report SQL may use beyond what H2 2.x and PostgreSQL share: PostgreSQL computes the
 * per-community and the overall figures in one pass ({@code GROUPING SETS}); on H2 the overall row
 * is a second {@code SELECT} of the same rows ({@code UNION ALL}). Both give the same figures (the
 * known-answer tests run on both).
 */
final class ReportDialect {

  private final NamedParameterJdbcTemplate jdbc;
  private volatile Boolean groupingSets;

  ReportDialect(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean groupingSets() {
    Boolean known = groupingSets;
    if (known == null) {
      String product = jdbc.getJdbcTemplate()
          .execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
      known = product != null && product.toLowerCase(Locale.ROOT).contains("postgresql");
      groupingSets = known;
    }
    return known;
  }
}
