package org.racetoplace.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The scaled score of a sitting: {@code round(w × fundamentals + (1 − w) × language)}, with the
 * fundamentals weight {@code w} from {@code hiring.assessment.fundamentals-weight} (default 0.6:
 * the pilot weighs general coding skill above one language). Halves round up. The pass marks
 * themselves are in the DMN decision {@code assessment-outcome}, not here.
 */
@Component
public class AssessmentScoring {

  public static final int MIN_SCORE = 0;
  public static final int MAX_SCORE = 100;

  private final BigDecimal fundamentalsWeight;
  private final BigDecimal languageWeight;

  /**
   * @throws IllegalArgumentException a weight outside 0..1, so a typo in the configuration stops
   *     start-up instead of skewing every score
   */
  public AssessmentScoring(@Value("${hiring.assessment.fundamentals-weight:0.6}") double fundamentalsWeight) {
    if (!(fundamentalsWeight >= 0.0 && fundamentalsWeight <= 1.0)) {
      throw new IllegalArgumentException(
          "hiring.assessment.fundamentals-weight must be between 0 and 1, was " + fundamentalsWeight);
    }
    // decimal arithmetic, so 0.6 × 72 + 0.4 × 65 is exactly 69.2 and a .5 always rounds up
    this.fundamentalsWeight = BigDecimal.valueOf(fundamentalsWeight);
    this.languageWeight = BigDecimal.ONE.subtract(this.fundamentalsWeight);
  }

  /**
   * @param fundamentals the fundamentals subscore, 0–100
   * @param language the language subscore, 0–100
   * @return the scaled score, 0–100
   * @throws IllegalArgumentException a subscore outside 0–100
   */
  public int scaledScore(int fundamentals, int language) {
    requireScore("fundamentals", fundamentals);
    requireScore("language", language);
    return fundamentalsWeight
        .multiply(BigDecimal.valueOf(fundamentals))
        .add(languageWeight.multiply(BigDecimal.valueOf(language)))
        .setScale(0, RoundingMode.HALF_UP)
        .intValueExact();
  }

  public double fundamentalsWeight() {
    return fundamentalsWeight.doubleValue();
  }

  static boolean isScore(int score) {
    return score >= MIN_SCORE && score <= MAX_SCORE;
  }

  static void requireScore(String name, int score) {
    if (!isScore(score)) {
      throw new IllegalArgumentException(
          name + " score must be between " + MIN_SCORE + " and " + MAX_SCORE + ", was " + score);
    }
  }
}
