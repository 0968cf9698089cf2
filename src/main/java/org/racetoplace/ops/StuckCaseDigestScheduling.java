package org.racetoplace.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the stuck-case digest on {@code hiring.ops.digest.cron} in {@code hiring.ops.digest.zone}
 * (default 07:00 America/New_York). Every node runs it; the outbox lets one of them send each
 * message ({@link StuckCaseDigest}). Off with {@code hiring.ops.digest.enabled=false}.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(prefix = "hiring.ops.digest", name = "enabled", havingValue = "true", matchIfMissing = true)
class StuckCaseDigestScheduling implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(StuckCaseDigestScheduling.class);

  private final StuckCaseDigest digest;
  private final StuckCaseDigestProperties properties;

  StuckCaseDigestScheduling(StuckCaseDigest digest, StuckCaseDigestProperties properties) {
    this.digest = digest;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addCronTask(new CronTask(this::run, new CronTrigger(properties.cron(), properties.zone())));
    log.info("Stuck-case digest scheduled at '{}' ({})", properties.cron(), properties.zone());
  }

  private void run() {
    try {
      digest.sendToday();
    } catch (RuntimeException e) {
      // e.g. the database is away at that moment; the next day's run tries again
      log.warn("Stuck-case digest failed", e);
    }
  }
}
