package org.racetoplace.assessment.builtin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hiring.assessment.built-in.*}: the time limit of a sitting, the size of a form and where
 * the item bank is. Out-of-range values stop start-up instead of producing odd forms.
 *
 * @param timeLimit how long a sitting runs (ISO 8601, default {@code PT45M}); at most a day
 * @param fundamentalsItems fundamentals items per form (default 14)
 * @param languageItems language items per form (default 8)
 * @param bankLocation the folder of the bank files (default {@code classpath:assessment/})
 */
@ConfigurationProperties("hiring.assessment.built-in")
public record BuiltInAssessmentProperties(
    Duration timeLimit, Integer fundamentalsItems, Integer languageItems, String bankLocation) {

  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(45);
  public static final int DEFAULT_FUNDAMENTALS_ITEMS = 14;
  public static final int DEFAULT_LANGUAGE_ITEMS = 8;
  public static final String DEFAULT_BANK_LOCATION = "classpath:assessment/";
  static final int MAX_ITEMS = 100;

  public BuiltInAssessmentProperties {
    timeLimit = timeLimit == null ? DEFAULT_TIME_LIMIT : timeLimit;
    fundamentalsItems = fundamentalsItems == null ? DEFAULT_FUNDAMENTALS_ITEMS : fundamentalsItems;
    languageItems = languageItems == null ? DEFAULT_LANGUAGE_ITEMS : languageItems;
    bankLocation = bankLocation == null || bankLocation.isBlank() ? DEFAULT_BANK_LOCATION : bankLocation.trim();
    if (timeLimit.isNegative() || timeLimit.isZero() || timeLimit.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "hiring.assessment.built-in.time-limit must be more than zero and at most P1D, was " + timeLimit);
    }
    requireItems("fundamentals-items", fundamentalsItems);
    requireItems("language-items", languageItems);
  }

  private static void requireItems(String name, int value) {
    if (value < 1 || value > MAX_ITEMS) {
      throw new IllegalArgumentException(
          "hiring.assessment.built-in." + name + " must be between 1 and " + MAX_ITEMS + ", was " + value);
    }
  }

  /** The defaults, for code and tests that build the service by hand. */
  public static BuiltInAssessmentProperties defaults() {
    return new BuiltInAssessmentProperties(null, null, null, null);
  }
}
