package org.racetoplace.assessment.builtin;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Draws a fresh form from one area of the bank: {@code count} different items, balanced by topic
 * (round-robin over the area's topics in a random order, so topics differ in count by at most one
 * while every topic has items left) and by difficulty (each pick takes, within its topic, the
 * difficulty the form has fewest of so far; of a few such draws the most even is kept). The
 * form's order and each choice item's options are shuffled, so two candidates side by side see
 * different forms.
 */
@Component
public class FormAssembler {

  /** An item drawn for a sitting, with its options in the order this candidate sees them. */
  public record DrawnItem(BankItem item, List<String> optionOrder) {}

  /** Draws tried per form; the most even by difficulty is kept. */
  static final int ATTEMPTS = 10;

  private final Random random;

  /** Forms must not be predictable: the draws come from a {@link SecureRandom}. */
  @Autowired
  public FormAssembler() {
    this(new SecureRandom());
  }

  /** With a seeded random, for tests. */
  public FormAssembler(Random random) {
    this.random = random;
  }

  /**
   * @param area the area to draw from; only items that are not retired are drawn
   * @param count how many items
   * @return {@code count} distinct items in shuffled order
   * @throws IllegalArgumentException the area has fewer items (the loader refuses such a bank)
   */
  public List<DrawnItem> draw(BankArea area, int count) {
    List<BankItem> active = area.activeItems();
    if (active.size() < count) {
      throw new IllegalArgumentException(
          "Area " + area.id() + " has " + active.size() + " items, a form needs " + count);
    }
    // the greedy draw can corner itself (a topic without the difficulty the form lacks); a few
    // tries and the best of them costs microseconds and nearly always balances perfectly
    List<BankItem> best = null;
    int bestSpread = Integer.MAX_VALUE;
    for (int attempt = 0; attempt < ATTEMPTS && bestSpread > 1; attempt++) {
      List<BankItem> drawn = drawOnce(area, active, count);
      int spread = difficultySpread(drawn);
      if (spread < bestSpread) {
        best = drawn;
        bestSpread = spread;
      }
    }
    Collections.shuffle(best, random);
    return best.stream().map(item -> new DrawnItem(item, shuffledOptions(item))).toList();
  }

  /** Round-robin over the topics in a random order; in each topic the difficulty drawn least. */
  private List<BankItem> drawOnce(BankArea area, List<BankItem> active, int count) {
    Map<String, Map<Difficulty, List<BankItem>>> pools = pools(area.topics(), active);
    List<String> topicOrder = new ArrayList<>(pools.keySet());
    Collections.shuffle(topicOrder, random);
    Map<Difficulty, Integer> drawnPerDifficulty = new EnumMap<>(Difficulty.class);
    for (Difficulty difficulty : Difficulty.values()) {
      drawnPerDifficulty.put(difficulty, 0);
    }
    List<BankItem> drawn = new ArrayList<>(count);
    while (drawn.size() < count) {
      int before = drawn.size();
      for (String topic : topicOrder) {
        if (drawn.size() == count) {
          break;
        }
        Map<Difficulty, List<BankItem>> pool = pools.get(topic);
        List<Difficulty> available =
            pool.entrySet().stream().filter(entry -> !entry.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        if (available.isEmpty()) {
          continue;
        }
        int fewest = available.stream().mapToInt(drawnPerDifficulty::get).min().orElseThrow();
        List<Difficulty> candidates =
            available.stream().filter(difficulty -> drawnPerDifficulty.get(difficulty) == fewest).toList();
        Difficulty difficulty = candidates.get(random.nextInt(candidates.size()));
        List<BankItem> items = pool.get(difficulty);
        drawn.add(items.remove(items.size() - 1));
        drawnPerDifficulty.merge(difficulty, 1, Integer::sum);
      }
      if (drawn.size() == before) {
        throw new IllegalArgumentException(
            "Area " + area.id() + " has items outside its declared topics; a form needs " + count);
      }
    }
    return drawn;
  }

  /** Most minus fewest items of one difficulty; 0 or 1 is as even as a form can be. */
  static int difficultySpread(List<BankItem> items) {
    Map<Difficulty, Integer> counts = new EnumMap<>(Difficulty.class);
    for (Difficulty difficulty : Difficulty.values()) {
      counts.put(difficulty, 0);
    }
    items.forEach(item -> counts.merge(item.difficulty(), 1, Integer::sum));
    int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    int fewest = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    return most - fewest;
  }

  /** Per topic (in the area's order) and difficulty, the items in a random order. */
  private Map<String, Map<Difficulty, List<BankItem>>> pools(List<String> topics, List<BankItem> active) {
    Map<String, Map<Difficulty, List<BankItem>>> pools = new LinkedHashMap<>();
    for (String topic : topics) {
      Map<Difficulty, List<BankItem>> byDifficulty = new EnumMap<>(Difficulty.class);
      for (Difficulty difficulty : Difficulty.values()) {
        List<BankItem> items =
            new ArrayList<>(
                active.stream()
                    .filter(item -> item.topic().equals(topic) && item.difficulty() == difficulty)
                    .toList());
        Collections.shuffle(items, random);
        byDifficulty.put(difficulty, items);
      }
      pools.put(topic, byDifficulty);
    }
    return pools;
  }

  private List<String> shuffledOptions(BankItem item) {
    if (!item.kind().isChoice()) {
      return List.of();
    }
    List<String> order = new ArrayList<>(item.optionIds());
    Collections.shuffle(order, random);
    return List.copyOf(order);
  }
}
