package org.racetoplace.assessment.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.assessment.builtin.FormAssembler.DrawnItem;

/**
 * Form assembly with seeded randoms: forms are balanced by topic and difficulty, never repeat an
 * item, differ from candidate to candidate (items and option order), and draw no retired item.
 */
class FormAssemblerTest {

  private static final int SEEDS = 300;

  /** Seven topics × three difficulties × two items: a perfect balance is always possible. */
  private static BankArea evenArea() {
    List<String> topics = List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7");
    List<BankItem> items = new ArrayList<>();
    for (String topic : topics) {
      for (Difficulty difficulty : Difficulty.values()) {
        for (int copy = 0; copy < 2; copy++) {
          items.add(item(topic + "-" + difficulty.code() + "-" + copy, topic, difficulty, false));
        }
      }
    }
    return new BankArea("fundamentals", null, "1", topics, items, "even.yaml");
  }

  private static BankItem item(String id, String topic, Difficulty difficulty, boolean retired) {
    return new BankItem(
        id,
        "fundamentals",
        topic,
        difficulty,
        ItemKind.SINGLE_CHOICE,
        "Which?",
        null,
        List.of(
            new AnswerOption("a", "A"), new AnswerOption("b", "B"), new AnswerOption("c", "C"), new AnswerOption("d", "D")),
        Set.of("a"),
        List.of(),
        null,
        retired,
        "even.yaml");
  }

  private static <K> Map<K, Long> countBy(List<DrawnItem> form, Function<BankItem, K> key) {
    return form.stream().map(DrawnItem::item).collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  private static long spread(Collection<Long> counts) {
    return counts.stream().mapToLong(Long::longValue).max().orElse(0)
        - counts.stream().mapToLong(Long::longValue).min().orElse(0);
  }

  private static List<String> ids(List<DrawnItem> form) {
    return form.stream().map(drawn -> drawn.item().id()).toList();
  }

  @Test
  void aFormOfAnEvenAreaIsPerfectlyBalancedByTopicAndDifficulty() {
    BankArea area = evenArea();
    for (long seed = 0; seed < SEEDS; seed++) {
      List<DrawnItem> form = new FormAssembler(new Random(seed)).draw(area, 14);

      assertThat(form).hasSize(14);
      assertThat(new HashSet<>(ids(form))).as("no repeated item").hasSize(14);
      Map<String, Long> perTopic = countBy(form, BankItem::topic);
      assertThat(perTopic).as("seed %d", seed).hasSize(7).allSatisfy((topic, count) -> assertThat(count).isEqualTo(2));
      Map<Difficulty, Long> perDifficulty = countBy(form, BankItem::difficulty);
      assertThat(perDifficulty).as("seed %d", seed).hasSize(3);
      assertThat(spread(perDifficulty.values())).as("seed %d: %s", seed, perDifficulty).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void formsOfTheRealFundamentalsAreBalanced() {
    BankArea fundamentals = ItemBankSanityTest.realBank().fundamentals();
    for (long seed = 0; seed < SEEDS; seed++) {
      List<DrawnItem> form = new FormAssembler(new Random(seed)).draw(fundamentals, 14);

      assertThat(new HashSet<>(ids(form))).hasSize(14);
      Map<String, Long> perTopic = countBy(form, BankItem::topic);
      assertThat(perTopic.keySet()).as("every topic").containsExactlyInAnyOrderElementsOf(fundamentals.topics());
      assertThat(spread(perTopic.values())).as("seed %d: %s", seed, perTopic).isLessThanOrEqualTo(1);
      Map<Difficulty, Long> perDifficulty = countBy(form, BankItem::difficulty);
      assertThat(perDifficulty).as("seed %d: every difficulty", seed).hasSize(3);
      assertThat(spread(perDifficulty.values())).as("seed %d: %s", seed, perDifficulty).isLessThanOrEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Java", "JavaScript", "Python", "C#"})
  void formsOfEachRealLanguageAreBalanced(String name) {
    BankArea area = ItemBankSanityTest.realBank().language(ProgrammingLanguage.fromName(name).orElseThrow()).orElseThrow();
    for (long seed = 0; seed < SEEDS; seed++) {
      List<DrawnItem> form = new FormAssembler(new Random(seed)).draw(area, 8);

      assertThat(new HashSet<>(ids(form))).hasSize(8);
      Map<String, Long> perTopic = countBy(form, BankItem::topic);
      assertThat(perTopic.keySet()).containsExactlyInAnyOrderElementsOf(area.topics());
      assertThat(spread(perTopic.values())).as("seed %d: %s", seed, perTopic).isLessThanOrEqualTo(1);
      Map<Difficulty, Long> perDifficulty = countBy(form, BankItem::difficulty);
      assertThat(perDifficulty).as("seed %d: every difficulty", seed).hasSize(3);
      assertThat(spread(perDifficulty.values())).as("seed %d: %s", seed, perDifficulty).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void eachCandidateGetsADifferentOrderAndTheSameSeedTheSameForm() {
    BankArea fundamentals = ItemBankSanityTest.realBank().fundamentals();
    Set<List<String>> orders = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      orders.add(ids(new FormAssembler(new Random(seed)).draw(fundamentals, 14)));
    }
    assertThat(orders).as("twenty candidates, twenty different forms").hasSize(20);

    List<DrawnItem> first = new FormAssembler(new Random(42)).draw(fundamentals, 14);
    List<DrawnItem> again = new FormAssembler(new Random(42)).draw(fundamentals, 14);
    assertThat(again).isEqualTo(first);
  }

  @Test
  void theOptionsOfChoiceItemsAreShuffledPerCandidate() {
    BankArea fundamentals = ItemBankSanityTest.realBank().fundamentals();
    Map<String, Set<List<String>>> ordersPerItem = new java.util.HashMap<>();
    for (long seed = 0; seed < SEEDS; seed++) {
      for (DrawnItem drawn : new FormAssembler(new Random(seed)).draw(fundamentals, 14)) {
        BankItem item = drawn.item();
        if (item.kind().isChoice()) {
          assertThat(drawn.optionOrder()).containsExactlyInAnyOrderElementsOf(item.optionIds());
          ordersPerItem.computeIfAbsent(item.id(), id -> new HashSet<>()).add(drawn.optionOrder());
        } else {
          assertThat(drawn.optionOrder()).isEmpty();
        }
      }
    }
    assertThat(ordersPerItem).isNotEmpty();
    assertThat(ordersPerItem.values()).allSatisfy(orders -> assertThat(orders).hasSizeGreaterThan(1));
  }

  @Test
  void retiredItemsAreNeverDrawn() {
    List<BankItem> items = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      items.add(item("active-" + i, i % 2 == 0 ? "t1" : "t2", Difficulty.values()[i % 3], false));
      items.add(item("retired-" + i, i % 2 == 0 ? "t1" : "t2", Difficulty.values()[i % 3], true));
    }
    BankArea area = new BankArea("fundamentals", null, "1", List.of("t1", "t2"), items, "r.yaml");
    for (long seed = 0; seed < 50; seed++) {
      assertThat(ids(new FormAssembler(new Random(seed)).draw(area, 6))).allMatch(id -> id.startsWith("active-"));
    }
    assertThatThrownBy(() -> new FormAssembler(new Random(1)).draw(area, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has 6 items, a form needs 7");
  }

  @Test
  void aTopicWithFewItemsLeavesTheRestToTheOthers() {
    List<BankItem> items = new ArrayList<>();
    items.add(item("rare-0", "rare", Difficulty.EASY, false));
    for (int i = 0; i < 9; i++) {
      items.add(item("common-" + i, "common", Difficulty.values()[i % 3], false));
    }
    BankArea area = new BankArea("fundamentals", null, "1", List.of("rare", "common"), items, "u.yaml");

    List<DrawnItem> form = new FormAssembler(new Random(7)).draw(area, 6);

    assertThat(countBy(form, BankItem::topic)).containsEntry("rare", 1L).containsEntry("common", 5L);
  }
}
