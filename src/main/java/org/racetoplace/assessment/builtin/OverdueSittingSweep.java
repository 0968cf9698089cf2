package org.racetoplace.assessment.builtin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scores sittings whose time ran out while nobody touched them (the candidate closed the browser),
 * so every started sitting reaches the pipeline. Runs on every node; the row lock of each sitting
 * lets only one of them close it. The interval is {@code hiring.assessment.built-in.sweep-interval}
 * (default one minute).
 */
@Component
class OverdueSittingSweep {

  private static final Logger log = LoggerFactory.getLogger(OverdueSittingSweep.class);

  private final BuiltInAssessmentService service;

  OverdueSittingSweep(BuiltInAssessmentService service) {
    this.service = service;
  }

  @Scheduled(
      fixedDelayString = "${hiring.assessment.built-in.sweep-interval:PT1M}",
      initialDelayString = "${hiring.assessment.built-in.sweep-interval:PT1M}")
  void closeOverdueSittings() {
    try {
      int overdue = service.closeOverdueSittings();
      if (overdue > 0) {
        log.info("Looked at {} overdue assessment sittings", overdue);
      }
    } catch (RuntimeException e) {
      // the database may be away for a moment; the next run tries again
      log.warn("Sweep of overdue assessment sittings failed", e);
    }
  }
}
