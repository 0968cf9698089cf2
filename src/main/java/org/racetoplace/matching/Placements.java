package org.racetoplace.matching;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code Task_ConfirmPlacement}: reads {@code placementStartDate} (the first
 * day of work, {@code yyyy-MM-dd} as the form's date field sends it; a Date variable set through
 * {@code /engine-rest} is taken as its UTC day) and confirms the placement ({@link
 * PlacementService#confirm}: at most 30 days ago, at most a year ahead; a position must be left).
 * A missing or bad date, or a refused placement, refuses the completion and stores nothing.
 */
@Component("placements")
public class Placements implements TaskListener {

  private final PlacementService placements;

  public Placements(PlacementService placements) {
    this.placements = placements;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate startDate = startDate(task.getVariable(HiringPipeline.VAR_PLACEMENT_START_DATE));
    try {
      placements.confirm(MatchVariables.proposalId(task), startDate, MatchVariables.currentUser(task));
    } catch (DecisionRefusedException refusal) {
      throw MatchVariables.refused(refusal);
    }
  }

  private static LocalDate startDate(Object value) {
    String field = HiringPipeline.VAR_PLACEMENT_START_DATE;
    if (value instanceof Date date) {
      return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    String text = MatchVariables.text(value);
    if (text == null) {
      throw MatchVariables.invalid(List.of(field), List.of(field + " is required: the first day of work"));
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw MatchVariables.invalid(
          List.of(field), List.of(field + " must be a date written yyyy-MM-dd, was '" + text + "'"));
    }
  }
}
