package org.racetoplace.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.racetoplace.interview.InterviewScorecard.InterviewRatings;

/** The server's check of the scorecard form. */
class InterviewScorecardFormTest {

  private static Map<String, Object> attended(Object communication) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("interviewAttendance", "attended");
    variables.put("communicationScore", communication);
    variables.put("teamworkScore", 4);
    variables.put("problemSolvingScore", 3L);
    variables.put("learningAgilityScore", 5.0);
    variables.put("professionalismScore", "2");
    variables.put("interviewRecommendation", "yes");
    return variables;
  }

  private static Map<String, String> problems(Map<String, Object> variables) {
    try {
      InterviewScorecardForm.read(variables::get);
    } catch (FormFieldValidationException e) {
      assertThat(e.getMessage()).startsWith("The scorecard cannot be saved: ");
      return e.getDetail();
    }
    throw new AssertionError("no validation failure");
  }

  @Test
  void anAttendedInterviewTakesWholeNumbersHoweverTheyArrive() {
    Map<String, Object> variables = attended(4L);
    variables.put("interviewNotes", "  Clear, kind, asked good questions.  ");

    InterviewScorecardForm form = InterviewScorecardForm.read(variables::get);

    assertThat(form.attended()).isTrue();
    assertThat(form.ratings()).isEqualTo(new InterviewRatings(4, 4, 3, 5, 2));
    assertThat(form.recommendation()).isEqualTo(InterviewRecommendation.YES);
    assertThat(form.notes()).isEqualTo("Clear, kind, asked good questions.");
  }

  @Test
  void aNoShowNeedsNoRatingsAndKeepsNone() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("interviewAttendance", "no-show");
    variables.put("communicationScore", 9);
    variables.put("interviewRecommendation", "maybe");

    InterviewScorecardForm form = InterviewScorecardForm.read(variables::get);

    assertThat(form).isEqualTo(new InterviewScorecardForm(false, null, null, null));
  }

  @Test
  void attendanceIsRequired() {
    assertThat(problems(new HashMap<>())).containsExactlyEntriesOf(Map.of("interviewAttendance", "choose attended or no-show"));
    Map<String, Object> variables = new HashMap<>(Map.of("interviewAttendance", "late"));
    assertThat(problems(variables)).containsExactlyEntriesOf(Map.of("interviewAttendance", "'late' is not attended or no-show"));
  }

  @Test
  void ratingsAreRequiredWholeNumbersFromOneToFive() {
    assertThat(problems(attended(null))).containsExactlyEntriesOf(Map.of("communicationScore", "required: a rating from 1 to 5"));
    for (Object bad : new Object[] {0, 6, 4.5, "four", Double.NaN, true}) {
      assertThat(problems(attended(bad))).as("%s", bad).containsOnlyKeys("communicationScore");
    }
  }

  @Test
  void everyMissingFieldOfAnAttendedInterviewIsNamed() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("interviewAttendance", "attended");
    variables.put("interviewNotes", "n".repeat(4001));

    assertThat(problems(variables))
        .containsOnlyKeys(
            "communicationScore", "teamworkScore", "problemSolvingScore", "learningAgilityScore",
            "professionalismScore", "interviewRecommendation", "interviewNotes")
        .containsEntry("interviewRecommendation", "required: choose strong-yes, yes, no, strong-no")
        .containsEntry("interviewNotes", "at most 4000 characters (4001 given)");
  }
}
