package org.racetoplace.platform.engine;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.racetoplace.application.RegisterPaperApplicationDelegate;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * Keeps personal data and free text out of Camunda's history tables. The engine runs with history
 * level {@code full}, so every value a variable ever had is copied into {@code ACT_HI_VARINST}
 * and {@code ACT_HI_DETAIL} (and every submitted form field into {@code ACT_HI_DETAIL}) and kept
 * for the history time to live, months after the case: removing a variable from a case does not
 * remove its history. Some values pass through variables unavoidably, because forms submit
 * them that way; they are stored in our own tables, where they can be corrected and deleted, and
 * this filter sees to it that the engine's copy is never written.
 *
 * <p>Dropped are the variable and form-field events of the {@linkplain #PROCESSES_WITHOUT_VARIABLE_HISTORY
 * processes} and {@linkplain #VARIABLES_WITHOUT_HISTORY variables} listed here; every other
 * history event goes to the wrapped handler unchanged, so Cockpit still shows which activities
 * ran, who worked which task, and every id and outcome variable.
 */
public class PersonalDataHistoryFilter implements HistoryEventHandler {

  /**
   * Processes none of whose variables are written to history: {@code paper-application} carries
   * a whole application typed in by staff (names, email, phone, profile, self-identification)
   * until it is registered.
   */
  public static final Set<String> PROCESSES_WITHOUT_VARIABLE_HISTORY =
      Set.of(RegisterPaperApplicationDelegate.PROCESS_ID);

  /**
   * Variables, in any process, that hold free text about a candidate: reviewers' reasons and
   * notes, what the candidate is asked, where they are interviewed, and the profile and match
   * explanation shown to reviewers. Their listeners store them in our tables and remove them from
   * the case; a new free-text form field belongs here too.
   */
  public static final Set<String> VARIABLES_WITHOUT_HISTORY =
      Set.of(
          HiringPipeline.VAR_VETTING_RATIONALE,
          HiringPipeline.VAR_INFORMATION_REQUESTED,
          HiringPipeline.VAR_CANDIDATE_PROFILE,
          HiringPipeline.VAR_INTERVIEW_LOCATION,
          HiringPipeline.VAR_INTERVIEW_NOTES,
          HiringPipeline.VAR_DECLINE_REASON,
          HiringPipeline.VAR_MATCH_EXPLANATION);

  private final HistoryEventHandler delegate;

  /** @param delegate the handler that writes history, normally the engine's database handler */
  public PersonalDataHistoryFilter(HistoryEventHandler delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (keeps(event)) {
      delegate.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    List<HistoryEvent> kept = events.stream().filter(PersonalDataHistoryFilter::keeps).toList();
    if (!kept.isEmpty()) {
      delegate.handleEvents(kept);
    }
  }

  /** The handler history is written by once this filter lets an event through. */
  public HistoryEventHandler getDelegate() {
    return delegate;
  }

  /** Whether the event may be written to history. */
  static boolean keeps(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return !PROCESSES_WITHOUT_VARIABLE_HISTORY.contains(variable.getProcessDefinitionKey())
          && !VARIABLES_WITHOUT_HISTORY.contains(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity formField) {
      return !PROCESSES_WITHOUT_VARIABLE_HISTORY.contains(formField.getProcessDefinitionKey())
          && !VARIABLES_WITHOUT_HISTORY.contains(formField.getPropertyId());
    }
    return true;
  }
}
