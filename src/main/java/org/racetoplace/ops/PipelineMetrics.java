package org.racetoplace.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Gauges for a monitor to alert on (docs/operations.md, "Health and monitoring"), under {@code
 * /actuator/metrics} for administrators:
 *
 * <ul>
 *   <li>{@value #JOBS_DUE}: background work that is due and has retries left (mail steps, timers
 *       that have fired). It rises with a burst of applications and should fall back; if it only
 *       grows, the job executors do not keep up or do not run.
 *   <li>{@value #JOBS_FAILED}: jobs with no retries left, each the cause of an incident.
 *   <li>{@value #INCIDENTS_OPEN}: open incidents, the cases waiting for someone to fix a cause and
 *       retry (docs/operations.md, "Incidents").
 * </ul>
 *
 * Each is counted in the database when it is read, so every node of a cluster reports the same
 * figures, those of all nodes together. They hold counts only, no case and no person.
 */
@Component
class PipelineMetrics implements MeterBinder {

  static final String JOBS_DUE = "hiring.jobs.due";
  static final String JOBS_FAILED = "hiring.jobs.failed";
  static final String INCIDENTS_OPEN = "hiring.incidents.open";

  private final ManagementService managementService;
  private final RuntimeService runtimeService;

  PipelineMetrics(ManagementService managementService, RuntimeService runtimeService) {
    this.managementService = managementService;
    this.runtimeService = runtimeService;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(JOBS_DUE, managementService, engine -> engine.createJobQuery().executable().count())
        .description("Jobs due now with retries left, waiting for a job executor")
        .register(registry);
    Gauge.builder(JOBS_FAILED, managementService, engine -> engine.createJobQuery().noRetriesLeft().count())
        .description("Jobs with no retries left (each has an incident)")
        .register(registry);
    Gauge.builder(INCIDENTS_OPEN, runtimeService, engine -> engine.createIncidentQuery().count())
        .description("Open incidents")
        .register(registry);
  }
}
