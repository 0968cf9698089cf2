package org.racetoplace.reports;

import java.time.Clock;
import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills {@code case_report} for the cases whose history predates it (an installation upgraded to
 * V12), and the outcome columns of the rows that predate those (V13), so the reports read one
 * table for old and new cases alike. It runs at the first start-up
 * after the upgrade and remembers that it did in the engine's property table
 * ({@value #DONE_PROPERTY}); later start-ups skip it, because from then on the recorder keeps every
 * case's row (and fills it from history itself when it meets a case without one), so the scan of
 * {@code ACT_HI_ACTINST} is paid once. Idempotent: a case with a row is skipped, so a second node
 * starting at the same moment inserts nothing twice. A case the job executor records while the
 * fill runs can make the insert collide once; the fill then runs again and skips it.
 */
@Component
public class CaseReportBackfill {

  /** The engine property ({@code ACT_GE_PROPERTY}) set once the fill has run: when it did. */
  static final String DONE_PROPERTY = "racetoplace.case-report.backfilled";

  private static final Logger log = LoggerFactory.getLogger(CaseReportBackfill.class);

  private final JdbcTemplate jdbc;
  private final ManagementService management;
  private final Clock clock;

  @Autowired
  public CaseReportBackfill(JdbcTemplate jdbc, ManagementService management, ObjectProvider<Clock> clock) {
    this(jdbc, management, clock.getIfAvailable(Clock::systemUTC));
  }

  CaseReportBackfill(JdbcTemplate jdbc, ManagementService management, Clock clock) {
    this.jdbc = jdbc;
    this.management = management;
    this.clock = clock;
  }

  /** The fill, unless an earlier start-up has done it. */
  @EventListener(ApplicationReadyEvent.class)
  public void onStart() {
    String done = management.getProperties().get(DONE_PROPERTY);
    if (done != null) {
      log.debug("case_report: filled from the engine's history at {}; not again", done);
      return;
    }
    int filled = fill();
    management.setProperty(DONE_PROPERTY, clock.instant().toString());
    log.info("case_report: filled {} cases from the engine's history (once; {} set)", filled, DONE_PROPERTY);
  }

  /**
   * Inserts the missing rows from the history ({@code ACT_HI_ACTINST}) and fills in outcomes from
   * our tables.
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

  /**
   * The rows missing, with their outcomes; when none was missing, the outcomes of the rows there
   * are (rows of an installation upgraded from V12 to V13 have none yet).
   */
  private int once() {
    int filled = CaseReportSql.fillFromHistory(jdbc, null, clock.instant());
    if (filled == 0) {
      CaseReportSql.refreshOutcomes(jdbc, null);
    }
    return filled;
  }
}
