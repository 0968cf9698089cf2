package org.racetoplace.reports;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills {@code case_report} at start-up for the cases whose history predates it (an installation
 * upgraded to V12), so the reports read one table for old and new cases alike. Idempotent: a case
 * with a row is skipped, so a restart inserts nothing. A case the job executor records while the
 * fill runs can make the insert collide once; the fill then runs again and skips it.
 */
@Component
public class CaseReportBackfill {

  private static final Logger log = LoggerFactory.getLogger(CaseReportBackfill.class);

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public CaseReportBackfill(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    int filled = fill();
    if (filled > 0) {
      log.info("case_report: filled {} cases from the engine's history", filled);
    }
  }

  /**
   * Inserts the missing rows from the history ({@code ACT_HI_ACTINST}).
   *
   * @return how many cases were filled
   */
  public int fill() {
    try {
      return once();
    } catch (DuplicateKeyException raced) {
      return once();
    }
  }

  /** One statement ({@code insert … select}): all of the fill or nothing. */
  private int once() {
    return CaseReportSql.fillFromHistory(jdbc, null, clock.instant());
  }
}
