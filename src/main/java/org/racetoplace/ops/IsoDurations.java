package org.racetoplace.ops;

import java.time.Duration;

/** ISO 8601 durations as people read them: {@code P5D}, {@code P1DT2H30M}, {@code PT45S}. */
final class IsoDurations {

  private IsoDurations() {}

  /** Whole seconds; days rather than {@link Duration#toString()}'s hours ({@code PT120H}). */
  static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration " + duration);
    }
    long seconds = duration.getSeconds();
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long rest = seconds % 60;
    StringBuilder text = new StringBuilder("P");
    if (days > 0) {
      text.append(days).append('D');
    }
    if (hours > 0 || minutes > 0 || rest > 0 || days == 0) {
      text.append('T');
      if (hours > 0) {
        text.append(hours).append('H');
      }
      if (minutes > 0) {
        text.append(minutes).append('M');
      }
      if (rest > 0 || (hours == 0 && minutes == 0)) {
        text.append(rest).append('S');
      }
    }
    return text.toString();
  }
}
