package org.racetoplace.pipeline;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The talent pool of {@code Stage_Match}: a case no opening fits waits there, is matched again
 * every {@code hiring.timers.talent-pool-rematch} and whenever an opening is posted, and ends as
 * not advanced once it has waited {@code hiring.timers.talent-pool-give-up} in all.
 *
 * <p>The give-up date counts from the first time the case entered the pool ({@value
 * HiringPipeline#VAR_TALENT_POOL_SINCE}), not from the last re-match, or a weekly re-match would
 * push it back for ever.
 */
@Component("talentPool")
public class TalentPool {

  private final HiringTimers timers;

  public TalentPool(HiringTimers timers) {
    this.timers = timers;
  }

  /** Execution listener on {@code Gateway_TalentPool}: notes when the case first entered the pool. */
  public void enter(DelegateExecution execution) {
    if (execution.getVariable(HiringPipeline.VAR_TALENT_POOL_SINCE) == null) {
      execution.setVariable(HiringPipeline.VAR_TALENT_POOL_SINCE, timers.now().toString());
    }
  }

  /**
   * The date of {@code Timer_TalentPoolGiveUp}: first entry plus the give-up duration. The engine
   * may create the gateway's timers before its start listener has run; the entry is then noted
   * here, so this date and every later one count from the same instant.
   */
  public Date giveUpAt(DelegateExecution execution) {
    enter(execution);
    Instant entered = Instant.parse(execution.getVariable(HiringPipeline.VAR_TALENT_POOL_SINCE).toString());
    return timers.after(entered, "talentPoolGiveUp");
  }
}
