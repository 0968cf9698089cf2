package org.racetoplace.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link RetentionSweep} on {@code hiring.privacy.retention-cron} (default 05:30 every night)
 * on every node; the sweep's database lease lets one of them do the work. A Spring schedule rather
 * than a Camunda timer: the job is no step of any case, it needs no model that program managers
 * edit, and it must not leave history of its own. Off with {@code
 * hiring.privacy.retention-enabled=false}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(
    prefix = "hiring.privacy",
    name = "retention-enabled",
    havingValue = "true",
    matchIfMissing = true)
class RetentionScheduling implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(RetentionScheduling.class);

  private final RetentionSweep sweep;
  private final PrivacyProperties properties;

  RetentionScheduling(RetentionSweep sweep, PrivacyProperties properties) {
    this.sweep = sweep;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addCronTask(new CronTask(this::run, properties.retentionCron()));
  }

  private void run() {
    try {
      sweep.run();
    } catch (RuntimeException e) {
      // e.g. the database is away for a moment; the next night tries again
      log.warn("Retention job failed; the next run tries again", e);
    }
  }
}
