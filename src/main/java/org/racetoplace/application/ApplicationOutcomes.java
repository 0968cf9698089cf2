package org.racetoplace.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Called by the pipeline's end events ({@code ${applicationOutcomes.record(execution,
 * 'NOT_ADVANCED')}}) so the application record says how its case ended, which also lets the
 * candidate apply again.
 */
@Component("applicationOutcomes")
public class ApplicationOutcomes {

  private final ApplicationService applications;

  public ApplicationOutcomes(ApplicationService applications) {
    this.applications = applications;
  }

  public void record(DelegateExecution execution, String outcome) {
    applications.recordOutcome(execution.getProcessBusinessKey(), ApplicationStatus.valueOf(outcome));
  }
}
