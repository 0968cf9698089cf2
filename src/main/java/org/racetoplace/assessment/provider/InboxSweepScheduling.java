package org.racetoplace.assessment.provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Sweeps the assessment inbox every {@code hiring.assessment.inbox.sweep-interval} (default 30
 * seconds, counted from the end of the previous sweep). Every node may sweep: rows are claimed
 * with {@code skip locked}, so two nodes share the work and never hand a row over twice. Off with
 * {@code hiring.assessment.inbox.sweep-enabled=false} (tests drive the relay themselves).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(
    prefix = "hiring.assessment.inbox",
    name = "sweep-enabled",
    havingValue = "true",
    matchIfMissing = true)
class InboxSweepScheduling implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(InboxSweepScheduling.class);

  private final AssessmentInboxRelay relay;
  private final ProviderWebhookProperties properties;

  InboxSweepScheduling(AssessmentInboxRelay relay, ProviderWebhookProperties properties) {
    this.relay = relay;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    // the first sweep one interval after start-up, when the engine has long been running
    registrar.addFixedDelayTask(
        new FixedDelayTask(this::sweep, properties.inbox().sweepInterval(), properties.inbox().sweepInterval()));
  }

  private void sweep() {
    try {
      relay.sweep();
    } catch (RuntimeException e) {
      // e.g. the database is away for a moment; the next sweep tries again
      log.warn("Assessment inbox sweep failed; the next one tries again", e);
    }
  }
}
