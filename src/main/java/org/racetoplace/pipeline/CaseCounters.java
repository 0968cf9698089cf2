package org.racetoplace.pipeline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Numbers things that can happen more than once in a case, such as the vetter's requests for more
 * information, so each gets its own notification dedup key:
 * {@code ${caseCounters.next(execution, 'informationRequests')}} as the {@code
 * notificationSequence} input of a mail task.
 *
 * <p>The counter is a process variable (an Integer). Used as an input parameter of an
 * asynchronous task, it is evaluated inside the job: a failed attempt rolls its increment back, so
 * every retry sees the same number and the outbox sends the message once.
 */
@Component("caseCounters")
public class CaseCounters {

  /** Increments the named counter of the case and returns the new value (1 the first time). */
  public int next(DelegateExecution execution, String name) {
    Object current = execution.getVariable(name);
    int next = current instanceof Number number ? number.intValue() + 1 : 1;
    // on the process instance, so the count survives the end of the stage that raised it
    execution.getProcessInstance().setVariable(name, next);
    return next;
  }
}
