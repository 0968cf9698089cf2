package org.racetoplace.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** round(100 × (mean − 1) / 4) of the five ratings. */
class InterviewScoringTest {

  @ParameterizedTest(name = "{0},{1},{2},{3},{4} -> {5}")
  @CsvSource({
    "1,1,1,1,1, 0",
    "5,5,5,5,5, 100",
    "3,3,3,3,3, 50",
    "4,4,3,3,3, 60",
    "2,1,1,1,1, 5",
    "5,5,5,5,4, 95",
    "4,4,4,4,4, 75"
  })
  void scoresTheMeanOnAHundredPointScale(int a, int b, int c, int d, int e, int expected) {
    assertThat(InterviewScoring.score(List.of(a, b, c, d, e))).isEqualTo(expected);
  }

  @Test
  void refusesRatingsOutsideOneToFiveAndAnythingButFive() {
    assertThatThrownBy(() -> InterviewScoring.score(List.of(0, 3, 3, 3, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> InterviewScoring.score(List.of(6, 3, 3, 3, 3))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InterviewScoring.score(List.of(3, 3, 3, 3))).hasMessageContaining("five ratings, got 4");
  }
}
