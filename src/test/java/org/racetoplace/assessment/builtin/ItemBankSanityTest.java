package org.racetoplace.assessment.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.racetoplace.application.ProgrammingLanguage;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The real bank in {@code src/main/resources/assessment/}, loaded as at start-up with the default
 * form sizes: it must pass every check, and hold what the pilot asks for — at least 80 items, 24
 * on fundamentals covering all seven topics, 12 for each of Java, JavaScript, Python and C#, every
 * kind of item.
 */
class ItemBankSanityTest {

  static final List<String> FUNDAMENTALS_TOPICS =
      List.of(
          "variables-and-types",
          "control-flow",
          "functions",
          "arrays-and-strings",
          "data-structures",
          "complexity",
          "debugging");

  private static ItemBank bank;

  @BeforeAll
  static void loadTheRealBank() {
    BuiltInAssessmentProperties defaults = BuiltInAssessmentProperties.defaults();
    bank =
        new ItemBankLoader(defaults.fundamentalsItems(), defaults.languageItems())
            .load(new PathMatchingResourcePatternResolver(), defaults.bankLocation());
  }

  static ItemBank realBank() {
    if (bank == null) {
      loadTheRealBank();
    }
    return bank;
  }

  @Test
  void theBankHoldsAtLeastEightyItems() {
    assertThat(bank.size()).isGreaterThanOrEqualTo(80);
  }

  @Test
  void fundamentalsHaveAtLeast24ItemsCoveringEveryTopic() {
    BankArea fundamentals = bank.fundamentals();
    assertThat(fundamentals.file()).isEqualTo("fundamentals.yaml");
    assertThat(fundamentals.activeItems()).hasSizeGreaterThanOrEqualTo(24);
    assertThat(fundamentals.topics()).containsAll(FUNDAMENTALS_TOPICS);
    Map<String, Long> perTopic =
        fundamentals.activeItems().stream().collect(Collectors.groupingBy(BankItem::topic, Collectors.counting()));
    assertThat(perTopic).containsKeys(FUNDAMENTALS_TOPICS.toArray(String[]::new));
    // two per topic in a form of 14: each topic needs more than that for forms to differ
    assertThat(perTopic.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(3));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Java", "JavaScript", "Python", "C#"})
  void everyPilotLanguageHasAtLeast12Items(String name) {
    ProgrammingLanguage language = ProgrammingLanguage.fromName(name).orElseThrow();
    BankArea area = bank.language(language).orElseThrow();
    assertThat(area.activeItems()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(area.version()).isNotBlank();
    // every declared topic is used (the loader checks it) and has room for a varied draw
    Map<String, Long> perTopic =
        area.activeItems().stream().collect(Collectors.groupingBy(BankItem::topic, Collectors.counting()));
    assertThat(perTopic.keySet()).containsExactlyInAnyOrderElementsOf(area.topics());
  }

  @Test
  void theBankTestsThePilotLanguages() {
    // a program manager may add more: this lists the ones the pilot cannot do without
    assertThat(bank.languages())
        .contains(
            ProgrammingLanguage.JAVA, ProgrammingLanguage.JAVASCRIPT, ProgrammingLanguage.PYTHON, ProgrammingLanguage.CSHARP);
  }

  @Test
  void everyPilotAreaUsesEveryKindOfItemAndEveryDifficulty() {
    Set<String> pilotAreas = Set.of("fundamentals", "java", "javascript", "python", "csharp");
    for (BankArea area : bank.areas().stream().filter(area -> pilotAreas.contains(area.id())).toList()) {
      assertThat(area.activeItems().stream().map(BankItem::kind).collect(Collectors.toSet()))
          .as(area.file())
          .isEqualTo(EnumSet.allOf(ItemKind.class));
      assertThat(area.activeItems().stream().map(BankItem::difficulty).collect(Collectors.toSet()))
          .as(area.file())
          .isEqualTo(EnumSet.allOf(Difficulty.class));
    }
  }

  @Test
  void everyItemAcceptsItsOwnKeyAndRefusesNoAnswer() {
    for (BankArea area : bank.areas()) {
      for (BankItem item : area.items()) {
        assertThat(item.accepts(null)).as(item.id()).isFalse();
        assertThat(item.accepts(keyAnswer(item))).as(item.id()).isTrue();
        if (item.kind() == ItemKind.OUTPUT_PREDICTION) {
          assertThat(item.code()).as(item.id() + " shows code").isNotBlank();
        }
      }
    }
  }

  @Test
  void noChoiceItemAcceptsAWrongOption() {
    for (BankArea area : bank.areas()) {
      for (BankItem item : area.items()) {
        if (item.kind() == ItemKind.SINGLE_CHOICE) {
          item.optionIds().stream()
              .filter(id -> !item.keyOptions().contains(id))
              .forEach(wrong -> assertThat(item.accepts(wrong)).as(item.id() + " " + wrong).isFalse());
        }
        if (item.kind() == ItemKind.MULTIPLE_CHOICE) {
          assertThat(item.keyOptions()).as(item.id() + " leaves a wrong option").hasSizeLessThan(item.options().size());
          // all options is wrong, and so is one right option alone when more are right
          assertThat(item.accepts(String.join(",", item.optionIds()))).as(item.id()).isFalse();
        }
      }
    }
  }

  @Test
  void itemIdsCarryTheirAreaSoTheyStayUniqueAsTheBankGrows() {
    Map<String, String> prefixes = Map.of(
        "fundamentals", "fun-", "java", "java-", "javascript", "js-", "python", "py-", "csharp", "cs-");
    for (BankArea area : bank.areas()) {
      String prefix = prefixes.getOrDefault(area.id(), area.id() + "-");
      assertThat(area.items()).allSatisfy(item -> assertThat(item.id()).startsWith(prefix));
    }
    Set<String> ids =
        bank.areas().stream().flatMap(area -> area.items().stream()).map(BankItem::id).collect(Collectors.toSet());
    assertThat(ids).hasSize(bank.size());
  }

  /** The stored form of the first right answer of an item. */
  static String keyAnswer(BankItem item) {
    return switch (item.kind()) {
      case SINGLE_CHOICE -> item.keyOptions().iterator().next();
      case MULTIPLE_CHOICE -> String.join(",", item.keyOptions().stream().sorted().toList());
      case OUTPUT_PREDICTION, SHORT_ANSWER -> item.acceptedAnswers().get(0);
    };
  }
}
