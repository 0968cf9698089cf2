package org.racetoplace.application;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/** {@code Task_ScreenApplication}: reference in, {@code screeningPassed} and the outcome out. */
@Component("screenApplicationDelegate")
public class ScreenApplicationDelegate implements JavaDelegate {

  private final ApplicationScreening screening;

  public ScreenApplicationDelegate(ApplicationScreening screening) {
    this.screening = screening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicationScreening.Outcome outcome =
        screening.screen((String) execution.getVariable(HiringPipeline.VAR_APPLICATION_REFERENCE));
    execution.setVariable(HiringPipeline.VAR_SCREENING_PASSED, outcome == ApplicationScreening.Outcome.PASSED);
    execution.setVariable(HiringPipeline.VAR_SCREENING_OUTCOME, outcome.name());
  }
}
