package org.racetoplace.assessment.provider;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Inserts a new inbox row, or finds out that the message is there already. Plain JDBC rather than
 * JPA on purpose: a duplicate key is an expected answer here (two copies of one message at once),
 * and Hibernate would log every one as an SQL error.
 */
@Component
class AssessmentInboxInserts {

  private static final String INSERT =
      "insert into assessment_inbox (provider, webhook_id, webhook_timestamp, application_reference,"
          + " provider_assessment_id, payload, status, attempts, received_at, updated_at)"
          + " values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)";

  private final JdbcTemplate jdbc;

  AssessmentInboxInserts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A message as it is first stored, PENDING and never tried. */
  record NewRow(
      String provider,
      String webhookId,
      Instant webhookTimestamp,
      String applicationReference,
      String providerAssessmentId,
      String payload,
      Instant receivedAt) {}

  /**
   * Inserts and commits the row on its own (no surrounding transaction), so a concurrent copy of
   * the message sees it at once.
   *
   * @return the new row's id, or empty when (provider, webhook id) is already stored — the unique
   *     constraint decides, whatever the timing
   */
  Optional<Long> insertIfNew(NewRow row) {
    KeyHolder keys = new GeneratedKeyHolder();
    try {
      jdbc.update(
          connection -> {
            PreparedStatement statement = connection.prepareStatement(INSERT, new String[] {"id"});
            statement.setString(1, row.provider());
            statement.setString(2, row.webhookId());
            statement.setObject(3, utc(row.webhookTimestamp()));
            statement.setString(4, row.applicationReference());
            statement.setString(5, row.providerAssessmentId());
            statement.setString(6, row.payload());
            statement.setObject(7, utc(row.receivedAt()));
            statement.setObject(8, utc(row.receivedAt()));
            return statement;
          },
          keys);
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
    return Optional.of(keys.getKeyAs(Number.class).longValue());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
