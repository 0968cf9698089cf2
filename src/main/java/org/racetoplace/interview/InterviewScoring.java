package org.racetoplace.interview;

import java.util.List;

/**
 * The interview score: the mean of the five ratings (1–5) on a 0–100 scale, {@code round(100 ×
 * (mean − 1) / 4)}, so all 1s give 0, all 3s 50 and all 5s 100. The pass mark lives in decision
 * {@code interview-outcome}, not here.
 */
public final class InterviewScoring {

  private InterviewScoring() {}

  /**
   * @throws IllegalArgumentException not five ratings, or one outside 1–5
   */
  public static int score(List<Integer> ratings) {
    if (ratings.size() != 5) {
      throw new IllegalArgumentException("An interview has five ratings, got " + ratings.size());
    }
    double sum = 0;
    for (Integer rating : ratings) {
      if (rating == null || rating < 1 || rating > 5) {
        throw new IllegalArgumentException("Ratings are 1 to 5, got " + rating);
      }
      sum += rating;
    }
    double mean = sum / ratings.size();
    return (int) Math.round(100 * (mean - 1) / 4);
  }
}
