package org.racetoplace.assessment.builtin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Scores a sitting, on the server only, from the saved answers and the bank's keys:
 *
 * <ul>
 *   <li>an item is right or wrong, nothing between ({@link BankItem#accepts}: multiple choice is
 *       all-or-nothing; an unanswered item is wrong);
 *   <li>raw score = items right; each subscore = round(100 × right ÷ scored) over its items, halves
 *       up — the fundamentals score, the language score, and one per topic.
 * </ul>
 *
 * The scaled score is not computed here: {@code AssessmentScoring} computes it from the
 * fundamentals and language scores when the result is stored. An item no longer in the bank (it
 * should not happen: items are retired, not deleted) is left out of every count.
 */
public final class SittingScoring {

  /** One scored item: where it counts and whether it was right. */
  public record ScoredItem(String itemId, FormSection section, String scoreTopic, boolean correct) {}

  private SittingScoring() {}

  /** Scores the sitting's saved answers against the bank. */
  public static SittingScore score(List<SittingItem> items, ItemBank bank) {
    return score(
        items.stream()
            .map(item -> scored(item, bank))
            .flatMap(Optional::stream)
            .toList());
  }

  private static Optional<ScoredItem> scored(SittingItem item, ItemBank bank) {
    return bank.item(item.getItemId())
        .map(
            bankItem ->
                new ScoredItem(
                    item.getItemId(),
                    item.getSection(),
                    item.getSection() == FormSection.FUNDAMENTALS
                        ? item.getTopic()
                        : bankItem.area() + "." + item.getTopic(),
                    bankItem.accepts(item.getAnswer())));
  }

  /** The counting itself, apart from the bank, so it can be checked table by table. */
  public static SittingScore score(List<ScoredItem> items) {
    int right = 0;
    int[] fundamentals = new int[2];
    int[] language = new int[2];
    Map<String, int[]> topics = new TreeMap<>();
    Map<String, Boolean> correctByItem = new HashMap<>();
    for (ScoredItem item : items) {
      int point = item.correct() ? 1 : 0;
      right += point;
      int[] section = item.section() == FormSection.FUNDAMENTALS ? fundamentals : language;
      section[0] += point;
      section[1]++;
      int[] topic = topics.computeIfAbsent(item.scoreTopic(), name -> new int[2]);
      topic[0] += point;
      topic[1]++;
      correctByItem.put(item.itemId(), item.correct());
    }
    Map<String, Integer> topicScores = new TreeMap<>();
    topics.forEach((name, counts) -> topicScores.put(name, percent(counts[0], counts[1])));
    return new SittingScore(
        right,
        items.size(),
        percent(fundamentals[0], fundamentals[1]),
        percent(language[0], language[1]),
        topicScores,
        correctByItem);
  }

  /** round(100 × right ÷ total), halves up; 0 when nothing was scored. */
  public static int percent(int right, int total) {
    if (right < 0 || total < 0 || right > total) {
      throw new IllegalArgumentException("Cannot score " + right + " right of " + total);
    }
    if (total == 0) {
      return 0;
    }
    return BigDecimal.valueOf(100L * right)
        .divide(BigDecimal.valueOf(total), 0, RoundingMode.HALF_UP)
        .intValueExact();
  }
}
