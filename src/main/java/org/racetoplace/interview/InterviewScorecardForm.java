package org.racetoplace.interview;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.racetoplace.interview.InterviewScorecard.InterviewRatings;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * The scorecard form as the server checks it: attended or no-show; for an attended interview the
 * five ratings (whole numbers 1–5) and the recommendation are required. Notes are optional.
 *
 * @param ratings null for a no-show
 * @param recommendation null for a no-show
 * @param notes trimmed, null when none
 */
public record InterviewScorecardForm(
    boolean attended, InterviewRatings ratings, InterviewRecommendation recommendation, String notes) {

  static final int MAX_NOTES = 4000;

  /** The variables of the five ratings, in the order of {@link InterviewRatings}. */
  static final List<String> RATINGS =
      List.of(
          HiringPipeline.VAR_COMMUNICATION_SCORE,
          HiringPipeline.VAR_TEAMWORK_SCORE,
          HiringPipeline.VAR_PROBLEM_SOLVING_SCORE,
          HiringPipeline.VAR_LEARNING_AGILITY_SCORE,
          HiringPipeline.VAR_PROFESSIONALISM_SCORE);

  /**
   * @throws org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException naming every
   *     bad field
   */
  static InterviewScorecardForm read(Function<String, Object> variables) {
    FormProblems problems = new FormProblems();
    Object attendance = variables.apply(HiringPipeline.VAR_INTERVIEW_ATTENDANCE);
    String attendanceCode = attendance == null ? "" : attendance.toString().trim();
    boolean attended = HiringPipeline.ATTENDANCE_ATTENDED.equals(attendanceCode);
    if (!attended && !HiringPipeline.ATTENDANCE_NO_SHOW.equals(attendanceCode)) {
      problems.add(
          HiringPipeline.VAR_INTERVIEW_ATTENDANCE,
          attendanceCode.isEmpty()
              ? "choose attended or no-show"
              : "'" + attendance + "' is not attended or no-show");
    }
    String notes =
        problems.text(variables.apply(HiringPipeline.VAR_INTERVIEW_NOTES), HiringPipeline.VAR_INTERVIEW_NOTES, MAX_NOTES);
    InterviewRatings ratings = null;
    InterviewRecommendation recommendation = null;
    if (attended) {
      int[] values = new int[RATINGS.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = rating(variables.apply(RATINGS.get(i)), RATINGS.get(i), problems);
      }
      ratings = new InterviewRatings(values[0], values[1], values[2], values[3], values[4]);
      Object value = variables.apply(HiringPipeline.VAR_INTERVIEW_RECOMMENDATION);
      String code = value == null ? "" : value.toString().trim();
      recommendation = InterviewRecommendation.fromCode(code).orElse(null);
      if (recommendation == null) {
        problems.add(
            HiringPipeline.VAR_INTERVIEW_RECOMMENDATION,
            (code.isEmpty() ? "required: choose " : "'" + value + "' is not one of ")
                + String.join(", ", InterviewRecommendation.codes()));
      }
    }
    problems.throwIfAny("The scorecard cannot be saved");
    return new InterviewScorecardForm(attended, ratings, recommendation, notes);
  }

  /**
   * A whole number 1–5 however it came: form-js numbers arrive as Long, Integer or Double, a REST
   * client may send text. 0 when it is wrong (and then a problem is recorded).
   */
  private static int rating(Object value, String field, FormProblems problems) {
    BigDecimal number = null;
    boolean given = value instanceof Number || (value instanceof String text && !text.isBlank());
    if (given) {
      try {
        number = new BigDecimal(value.toString().trim());
      } catch (NumberFormatException e) {
        // NaN, Infinity or not a number at all
        problems.add(field, "must be a whole number from 1 to 5");
        return 0;
      }
    }
    if (number == null) {
      boolean missing = value == null || value instanceof String;
      problems.add(field, missing ? "required: a rating from 1 to 5" : "must be a whole number from 1 to 5");
      return 0;
    }
    if (number.stripTrailingZeros().scale() > 0
        || number.compareTo(BigDecimal.ONE) < 0
        || number.compareTo(BigDecimal.valueOf(5)) > 0) {
      problems.add(field, "must be a whole number from 1 to 5");
      return 0;
    }
    return number.intValueExact();
  }
}
