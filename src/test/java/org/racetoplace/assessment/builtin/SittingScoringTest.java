package org.racetoplace.assessment.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.racetoplace.assessment.builtin.FormSection.FUNDAMENTALS;
import static org.racetoplace.assessment.builtin.FormSection.LANGUAGE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.racetoplace.assessment.AssessmentScoring;
import org.racetoplace.assessment.builtin.SittingScoring.ScoredItem;
import org.racetoplace.assessment.builtin.TextMatch.Whitespace;

/**
 * Scoring on the server, table by table: whether one answer is right for each kind of item, the
 * percentages with their rounding, and the subscores of whole sittings — including the scaled
 * score {@link AssessmentScoring} makes of them.
 */
class SittingScoringTest {

  private static final List<AnswerOption> ABCD =
      List.of(
          new AnswerOption("a", "A"), new AnswerOption("b", "B"), new AnswerOption("c", "C"), new AnswerOption("d", "D"));

  private static BankItem choice(ItemKind kind, Set<String> key) {
    return new BankItem("i-1", "fundamentals", "t", Difficulty.EASY, kind, "?", null, ABCD, key, List.of(), null, false, "f");
  }

  private static BankItem typed(ItemKind kind, List<String> accepted, TextMatch match) {
    return new BankItem(
        "i-1", "fundamentals", "t", Difficulty.EASY, kind, "?", "code", List.of(), Set.of(), accepted, match, false, "f");
  }

  // --- one answer ---------------------------------------------------------------------------

  @ParameterizedTest(name = "single choice, key b, answer {0} → {1}")
  @CsvSource(
      nullValues = "NONE",
      value = {"b, true", "a, false", "c, false", "'', false", "NONE, false", "'a,b', false"})
  void singleChoiceIsRightOnlyWithTheKeyOption(String answer, boolean right) {
    assertThat(choice(ItemKind.SINGLE_CHOICE, Set.of("b")).accepts(answer)).isEqualTo(right);
  }

  @ParameterizedTest(name = "multiple choice, key a+c, answer {0} → {1}")
  @CsvSource(
      nullValues = "NONE",
      value = {
        "'a,c', true",
        "'c,a', true",
        "a, false", // one of two right options: all-or-nothing gives nothing
        "'a,b,c', false", // every right option, plus a wrong one
        "'a,b,c,d', false", // ticking everything never pays
        "'b,d', false",
        "NONE, false"
      })
  void multipleChoiceIsAllOrNothing(String answer, boolean right) {
    assertThat(choice(ItemKind.MULTIPLE_CHOICE, Set.of("a", "c")).accepts(answer)).isEqualTo(right);
  }

  static Stream<Arguments> typedAnswers() {
    TextMatch output = TextMatch.OUTPUT_DEFAULT;
    TextMatch shortAnswer = TextMatch.SHORT_ANSWER_DEFAULT;
    TextMatch ignoreSpaces = new TextMatch(true, Whitespace.IGNORE);
    TextMatch exactInside = new TextMatch(true, Whitespace.TRIM);
    return Stream.of(
        // output prediction: letter case counts, runs of whitespace and line breaks do not
        Arguments.of(ItemKind.OUTPUT_PREDICTION, List.of("hello HELLO"), output, "hello HELLO", true),
        Arguments.of(ItemKind.OUTPUT_PREDICTION, List.of("hello HELLO"), output, "  hello   HELLO\n", true),
        Arguments.of(ItemKind.OUTPUT_PREDICTION, List.of("hello HELLO"), output, "Hello HELLO", false),
        Arguments.of(ItemKind.OUTPUT_PREDICTION, List.of("bad number\ndone\n"), output, "bad number\r\ndone", true),
        Arguments.of(ItemKind.OUTPUT_PREDICTION, List.of("bad number\ndone\n"), output, "bad number done", true),
        Arguments.of(ItemKind.OUTPUT_PREDICTION, List.of("bad number\ndone\n"), output, "badnumber done", false),
        Arguments.of(ItemKind.OUTPUT_PREDICTION, List.of("[1, 2]"), ignoreSpaces, "[1,2]", true),
        Arguments.of(ItemKind.OUTPUT_PREDICTION, List.of("[1, 2]"), ignoreSpaces, "[1, 2, 3]", false),
        Arguments.of(ItemKind.OUTPUT_PREDICTION, List.of("3 1"), exactInside, " 3 1 ", true),
        Arguments.of(ItemKind.OUTPUT_PREDICTION, List.of("3 1"), exactInside, "3  1", false),
        Arguments.of(ItemKind.OUTPUT_PREDICTION, List.of("12"), output, "１２", true), // full-width digits (NFKC)
        // short answers: several accepted, letter case ignored by default
        Arguments.of(ItemKind.SHORT_ANSWER, List.of("boolean", "bool"), shortAnswer, "Boolean", true),
        Arguments.of(ItemKind.SHORT_ANSWER, List.of("boolean", "bool"), shortAnswer, "BOOL", true),
        Arguments.of(ItemKind.SHORT_ANSWER, List.of("boolean", "bool"), shortAnswer, "booleans", false),
        Arguments.of(
            ItemKind.SHORT_ANSWER, List.of("FirstOrDefault"), new TextMatch(true, Whitespace.COLLAPSE), "firstordefault", false),
        Arguments.of(ItemKind.SHORT_ANSWER, List.of("O(log n)"), new TextMatch(false, Whitespace.IGNORE), "o(logn)", true),
        Arguments.of(ItemKind.SHORT_ANSWER, List.of("O(log n)"), new TextMatch(false, Whitespace.IGNORE), "O(n)", false),
        Arguments.of(ItemKind.SHORT_ANSWER, List.of("final"), shortAnswer, null, false),
        Arguments.of(ItemKind.SHORT_ANSWER, List.of("final"), shortAnswer, "", false));
  }

  @ParameterizedTest(name = "{0} {1} ({2}), answer [{3}] → {4}")
  @MethodSource("typedAnswers")
  void typedAnswersAreComparedAfterNormalising(
      ItemKind kind, List<String> accepted, TextMatch match, String answer, boolean right) {
    assertThat(typed(kind, accepted, match).accepts(answer)).isEqualTo(right);
  }

  // --- percentages --------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} of {1} → {2}")
  @CsvSource({
    "0, 0, 0",
    "0, 14, 0",
    "14, 14, 100",
    "1, 3, 33",
    "2, 3, 67",
    "1, 8, 13", // 12.5: halves round up
    "7, 8, 88", // 87.5
    "11, 14, 79", // 78.57
    "5, 8, 63" // 62.5
  })
  void percentRoundsHalvesUp(int right, int total, int percent) {
    assertThat(SittingScoring.percent(right, total)).isEqualTo(percent);
  }

  @ParameterizedTest(name = "{0} of {1}")
  @CsvSource({"-1, 3", "4, 3", "1, 0"})
  void impossibleCountsAreRefused(int right, int total) {
    assertThatThrownBy(() -> SittingScoring.percent(right, total)).isInstanceOf(IllegalArgumentException.class);
  }

  // --- whole sittings -----------------------------------------------------------------------

  /**
   * A sitting written as "section topic right/total" groups, e.g. {@code F loops 2/3} is three
   * fundamentals items on loops, two of them right.
   */
  private static List<ScoredItem> sitting(String... groups) {
    List<ScoredItem> items = new ArrayList<>();
    for (String group : groups) {
      String[] parts = group.split(" ");
      FormSection section = parts[0].equals("F") ? FUNDAMENTALS : LANGUAGE;
      String[] counts = parts[2].split("/");
      int right = Integer.parseInt(counts[0]);
      int total = Integer.parseInt(counts[1]);
      for (int i = 0; i < total; i++) {
        items.add(new ScoredItem(parts[1] + "-" + i, section, parts[1], i < right));
      }
    }
    return items;
  }

  static Stream<Arguments> sittings() {
    return Stream.of(
        Arguments.of(
            "all right",
            sitting("F loops 7/7", "F types 7/7", "L java.collections 8/8"),
            22, 22, 100, 100, Map.of("loops", 100, "types", 100, "java.collections", 100), 100),
        Arguments.of(
            "nothing answered",
            sitting("F loops 0/7", "F types 0/7", "L java.collections 0/8"),
            0, 22, 0, 0, Map.of("loops", 0, "types", 0, "java.collections", 0), 0),
        Arguments.of(
            "strong fundamentals, weak language",
            sitting("F loops 6/7", "F types 6/7", "L java.strings 2/4", "L java.collections 1/4"),
            15, 22, 86, 38, Map.of("loops", 86, "types", 86, "java.strings", 50, "java.collections", 25),
            // 0.6 × 86 + 0.4 × 38 = 66.8
            67),
        Arguments.of(
            "the default form of 14 + 8, a typical result",
            sitting(
                "F variables-and-types 2/2", "F control-flow 1/2", "F functions 2/2", "F arrays-and-strings 1/2",
                "F data-structures 2/2", "F complexity 1/2", "F debugging 2/2",
                "L python.language-basics 2/2", "L python.strings 1/2", "L python.collections 1/2",
                "L python.functions-and-errors 1/2"),
            16, 22, 79, 63,
            scores(
                "variables-and-types", 100, "control-flow", 50, "functions", 100, "arrays-and-strings", 50,
                "data-structures", 100, "complexity", 50, "debugging", 100,
                "python.language-basics", 100, "python.strings", 50, "python.collections", 50,
                "python.functions-and-errors", 50),
            // 0.6 × 79 + 0.4 × 63 = 72.6
            73));
  }

  /** Topic scores from name, score, name, score, … */
  private static Map<String, Integer> scores(Object... pairs) {
    Map<String, Integer> scores = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      scores.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return scores;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sittings")
  void aSittingScoresRawSectionAndTopicScores(
      String name,
      List<ScoredItem> items,
      int raw,
      int max,
      int fundamentals,
      int language,
      Map<String, Integer> topics,
      int scaled) {
    SittingScore score = SittingScoring.score(items);

    assertThat(score.rawScore()).isEqualTo(raw);
    assertThat(score.maxScore()).isEqualTo(max);
    assertThat(score.fundamentalsScore()).isEqualTo(fundamentals);
    assertThat(score.languageScore()).isEqualTo(language);
    assertThat(score.topicScores()).isEqualTo(topics);
    assertThat(score.correctByItem()).hasSize(items.size());
    assertThat(score.correctByItem().values().stream().filter(Boolean::booleanValue).count()).isEqualTo(raw);
    assertThat(new AssessmentScoring(0.6).scaledScore(score.fundamentalsScore(), score.languageScore()))
        .isEqualTo(scaled);
  }
}
