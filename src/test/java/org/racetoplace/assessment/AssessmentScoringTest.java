package org.racetoplace.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The scaled-score rule: weights, rounding and bounds. */
class AssessmentScoringTest {

  @ParameterizedTest(name = "w={0}: {1} and {2} scale to {3}")
  @CsvSource({
    // the default weight: 0.6 × 72 + 0.4 × 65 = 69.2
    "0.6, 72, 65, 69",
    "0.6, 0, 0, 0",
    "0.6, 100, 100, 100",
    // 0.6 × 100 + 0.4 × 0 = 60; the weights add up to one
    "0.6, 100, 0, 60",
    "0.6, 0, 100, 40",
    // only one part counts at the ends of the range
    "1.0, 73, 10, 73",
    "0.0, 73, 10, 10",
    // halves round up: 70.5 → 71, 0.5 → 1
    "0.5, 71, 70, 71",
    "0.5, 1, 0, 1",
    // just below a half rounds down: 0.6 × 61 + 0.4 × 60 = 60.6 → 61, 0.7 × 60 + 0.3 × 61 = 60.3 → 60
    "0.6, 61, 60, 61",
    "0.7, 60, 61, 60",
  })
  void scaledScoreIsTheWeightedMeanRoundedHalfUp(double weight, int fundamentals, int language, int scaled) {
    assertThat(new AssessmentScoring(weight).scaledScore(fundamentals, language)).isEqualTo(scaled);
  }

  @Test
  void halvesRoundUpEvenWhereDoubleArithmeticFallsJustShort() {
    // in doubles 0.15 × 1 + 0.85 × 31 is 26.499999999999996; the configured weight means 26.5
    assertThat(new AssessmentScoring(0.15).scaledScore(1, 31)).isEqualTo(27);
    assertThat(new AssessmentScoring(0.15).scaledScore(2, 52)).isEqualTo(45);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
  void aWeightOutsideZeroToOneIsRefusedAtStartUp(double weight) {
    assertThatThrownBy(() -> new AssessmentScoring(weight))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hiring.assessment.fundamentals-weight");
  }

  @Test
  void subscoresOutsideZeroToHundredAreRefused() {
    AssessmentScoring scoring = new AssessmentScoring(0.6);
    assertThatThrownBy(() -> scoring.scaledScore(-1, 50)).hasMessageContaining("fundamentals");
    assertThatThrownBy(() -> scoring.scaledScore(101, 50)).hasMessageContaining("fundamentals");
    assertThatThrownBy(() -> scoring.scaledScore(50, -1)).hasMessageContaining("language");
    assertThatThrownBy(() -> scoring.scaledScore(50, 101)).hasMessageContaining("language");
  }
}
