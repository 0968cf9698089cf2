package org.racetoplace.candidate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.racetoplace.application.CandidateStage;

/**
 * The stages as the status page draws them: the steps a case goes through in order, each done,
 * current or still to come. A case that ended otherwise (withdrawn, not advanced, expired) has no
 * current step; the page shows how it ended instead.
 */
final class StageTimeline {

  /** A stage as the candidate reads it, with what it asks of them. */
  enum Step {
    APPLICATION(CandidateStage.APPLY, "Application", "Tell us about your skills, work and projects."),
    ASSESSMENT(
        CandidateStage.ASSESS,
        "Assessment",
        "An online test of coding fundamentals and one programming language, "
            + ProgramTimes.ASSESSMENT_LENGTH
            + " long."),
    VETTING(CandidateStage.VET, "Vetting", "Volunteer hiring professionals review your application."),
    INTERVIEW(CandidateStage.INTERVIEW, "Interview", "A conversation about how you work with others."),
    MATCHING(CandidateStage.MATCH, "Matching", "We introduce you to employer partners hiring for your skills."),
    PLACED(CandidateStage.PLACED, "Placed", "You start your new job.");

    private final CandidateStage stage;
    private final String title;
    private final String asks;

    Step(CandidateStage stage, String title, String asks) {
      this.stage = stage;
      this.title = title;
      this.asks = asks;
    }

    public String title() {
      return title;
    }

    /** What the stage asks, with the program's configured times filled in. */
    String asks(ProgramTimes times) {
      return times.fillIn(asks);
    }
  }

  /** One step on a candidate's timeline; {@code state} is done, current or upcoming. */
  record Entry(String title, String asks, String state) {
    public boolean current() {
      return "current".equals(state);
    }
  }

  private StageTimeline() {}

  /** Every step, none of them started: what the information pages list. */
  static List<Entry> steps(ProgramTimes times) {
    return Arrays.stream(Step.values()).map(step -> new Entry(step.title, step.asks(times), "upcoming")).toList();
  }

  /** The step for a stage label of the status answer ("Assess"), if it is one of the steps. */
  static Optional<Step> stepOf(String stageLabel) {
    return Arrays.stream(Step.values()).filter(step -> step.stage.label().equals(stageLabel)).findFirst();
  }

  /** The timeline for a case at the stage with this label. */
  static List<Entry> of(String stageLabel, ProgramTimes times) {
    Optional<Step> current = stepOf(stageLabel);
    List<Entry> entries = new ArrayList<>();
    for (Step step : Step.values()) {
      String state;
      if (current.isEmpty()) {
        state = "upcoming";
      } else if (step.ordinal() < current.get().ordinal()) {
        state = "done";
      } else if (step == current.get()) {
        // a placement is the end: nothing is left to do in it
        state = step == Step.PLACED ? "done" : "current";
      } else {
        state = "upcoming";
      }
      entries.add(new Entry(step.title, step.asks(times), state));
    }
    return entries;
  }
}
