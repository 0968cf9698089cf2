package org.racetoplace.ops;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.vetting.TestApplications;
import org.springframework.context.ApplicationContext;

/**
 * Cases of the real {@code hiring-pipeline} placed straight at one activity (Camunda's process
 * instance modification), with the engine clock set back so the task or wait began at a known
 * instant. Each case has a stored application (the vetting task's listener reads it).
 */
final class StuckCaseFixtures {

  private final TestApplications applications;
  private final RuntimeService runtimeService;

  StuckCaseFixtures(ApplicationContext context) {
    this.applications = new TestApplications(context);
    this.runtimeService = context.getBean(RuntimeService.class);
  }

  record Case(String reference, String processInstanceId) {}

  /** A case of the community waiting at the activity since {@code since}. */
  Case waitingAt(String activityId, String community, Instant since) {
    String reference = applications.create(community).reference();
    ClockUtil.setCurrentTime(Date.from(since));
    try {
      ProcessInstance instance =
          runtimeService.createProcessInstanceByKey(HiringPipeline.PROCESS_ID)
              .businessKey(reference)
              .setVariable(HiringPipeline.VAR_APPLICATION_REFERENCE, reference)
              .setVariable(HiringPipeline.VAR_COMMUNITY, community)
              .setVariable(HiringPipeline.VAR_ROLE_TRACK, "software-engineer")
              .startBeforeActivity(activityId)
              .execute();
      return new Case(reference, instance.getId());
    } finally {
      ClockUtil.reset();
    }
  }
}
