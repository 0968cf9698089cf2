package org.racetoplace.assessment.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.racetoplace.application.ProgrammingLanguage;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The checks a bank file goes through at start-up, on files written to a temporary folder: a
 * valid bank loads as written; each kind of mistake is refused with a message naming the file and
 * the item (its position and id), and a Spring context with such a bank does not start.
 */
class ItemBankLoaderTest {

  /** Form sizes of these tests: 3 fundamentals items fit the bank below, 1 language item. */
  private static final int FUNDAMENTALS_ITEMS = 3;
  private static final int LANGUAGE_ITEMS = 1;

  static final String FUNDAMENTALS =
      """
      # a comment, as program managers write them
      version: 1
      area: fundamentals
      topics: [loops, types]
      items:
        - id: f-1
          kind: single-choice
          topic: loops
          difficulty: easy
          prompt: Pick b
          options:
            a: Option A
            b: Option B
          key: b
        - id: f-2
          kind: multiple-choice
          topic: types
          difficulty: medium
          prompt: Pick a and c
          options: {a: Option A, b: Option B, c: Option C}
          key: [a, c]
        - id: f-3
          kind: output-prediction
          topic: loops
          difficulty: hard
          prompt: What does it print?
          code: |
            print(1.10)
          key: 1.10
        - id: f-4
          kind: short-answer
          topic: types
          difficulty: easy
          prompt: An old question
          key: "yes"
          retired: true
      """;

  static final String JAVA =
      """
      version: 2.1
      area: java
      language: java
      topics: [basics]
      items:
        - id: j-1
          kind: short-answer
          topic: basics
          difficulty: 2
          prompt: Which keyword?
          key: [final, final keyword]
          match:
            case-sensitive: true
            whitespace: trim
      """;

  @TempDir Path folder;

  private ItemBank load(String fundamentals, String java) throws IOException {
    return load(fundamentals, java, FUNDAMENTALS_ITEMS);
  }

  private ItemBank load(String fundamentals, String java, int fundamentalsItems) throws IOException {
    if (fundamentals != null) {
      Files.writeString(folder.resolve("fundamentals.yaml"), fundamentals, StandardCharsets.UTF_8);
    }
    if (java != null) {
      Files.writeString(folder.resolve("java.yaml"), java, StandardCharsets.UTF_8);
    }
    return new ItemBankLoader(fundamentalsItems, LANGUAGE_ITEMS)
        .load(new PathMatchingResourcePatternResolver(), folder.toUri().toString());
  }

  // --- a valid bank -------------------------------------------------------------------------

  @Test
  void aValidBankLoadsAsWritten() throws IOException {
    ItemBank bank = load(FUNDAMENTALS, JAVA);

    assertThat(bank.size()).isEqualTo(5);
    assertThat(bank.languages()).containsExactly(ProgrammingLanguage.JAVA);
    BankArea fundamentals = bank.fundamentals();
    assertThat(fundamentals.versionTag()).isEqualTo("fundamentals@1");
    assertThat(fundamentals.topics()).containsExactly("loops", "types");
    assertThat(fundamentals.activeItems()).extracting(BankItem::id).containsExactly("f-1", "f-2", "f-3");

    BankItem single = bank.item("f-1").orElseThrow();
    assertThat(single.kind()).isEqualTo(ItemKind.SINGLE_CHOICE);
    assertThat(single.difficulty()).isEqualTo(Difficulty.EASY);
    assertThat(single.options())
        .containsExactly(new AnswerOption("a", "Option A"), new AnswerOption("b", "Option B"));
    assertThat(single.keyOptions()).containsExactly("b");
    assertThat(single.file()).isEqualTo("fundamentals.yaml");

    BankItem multiple = bank.item("f-2").orElseThrow();
    assertThat(multiple.keyOptions()).containsExactlyInAnyOrder("a", "c");

    // every scalar is text: 1.10 stays 1.10 (not the number 1.1), "yes" is no boolean
    BankItem output = bank.item("f-3").orElseThrow();
    assertThat(output.code()).isEqualTo("print(1.10)");
    assertThat(output.acceptedAnswers()).containsExactly("1.10");
    assertThat(output.match()).isEqualTo(TextMatch.OUTPUT_DEFAULT);
    assertThat(output.accepts("1.10")).isTrue();
    assertThat(output.accepts("1.1")).isFalse();
    assertThat(bank.item("f-4").orElseThrow().retired()).isTrue();

    BankArea java = bank.language(ProgrammingLanguage.JAVA).orElseThrow();
    assertThat(java.id()).isEqualTo("java");
    assertThat(java.versionTag()).isEqualTo("java@2.1");
    assertThat(java.scoreTopic("basics")).isEqualTo("java.basics");
    BankItem shortAnswer = bank.item("j-1").orElseThrow();
    assertThat(shortAnswer.difficulty()).isEqualTo(Difficulty.MEDIUM);
    assertThat(shortAnswer.match()).isEqualTo(new TextMatch(true, TextMatch.Whitespace.TRIM));
    assertThat(shortAnswer.acceptedAnswers()).containsExactly("final", "final keyword");
  }

  @Test
  void aLocationWithoutTrailingSlashAndYmlFilesWorkToo() throws IOException {
    Files.writeString(folder.resolve("fundamentals.yml"), FUNDAMENTALS, StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("java.yaml"), JAVA, StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("README.txt"), "not a bank file", StandardCharsets.UTF_8);
    String location = folder.toUri().toString().replaceAll("/$", "");

    ItemBank bank =
        new ItemBankLoader(FUNDAMENTALS_ITEMS, LANGUAGE_ITEMS).load(new PathMatchingResourcePatternResolver(), location);

    assertThat(bank.size()).isEqualTo(5);
  }

  // --- malformed files ----------------------------------------------------------------------

  static Stream<Arguments> malformedBanks() {
    return Stream.of(
        malformed(
            "unknown kind",
            fundamentals(text -> text.replace("kind: output-prediction", "kind: essay")),
            "fundamentals.yaml, item 3 (f-3): kind 'essay' is not known"),
        malformed(
            "missing key",
            fundamentals(text -> text.replace("    key: b\n", "")),
            "fundamentals.yaml, item 1 (f-1): key is required"),
        malformed(
            "key not among the options",
            fundamentals(text -> text.replace("key: [a, c]", "key: [a, d]")),
            "fundamentals.yaml, item 2 (f-2): key 'd' is not one of the options (a, b, c)"),
        malformed(
            "single-choice key given as a list",
            fundamentals(text -> text.replace("key: b", "key: [b]")),
            "fundamentals.yaml, item 1 (f-1): key of a single-choice item is one option id"),
        malformed(
            "duplicate id in one file",
            fundamentals(text -> text.replace("id: f-2", "id: f-1")),
            "fundamentals.yaml, item 2 (f-1): the id is used by an earlier item"),
        malformed(
            "duplicate id across files",
            java(text -> text.replace("id: j-1", "id: f-1")),
            "java.yaml, item 1 (f-1): the id is used by fundamentals.yaml, item 1 (f-1) too"),
        malformed(
            "unknown topic",
            fundamentals(text -> text.replace("topic: loops\n    difficulty: hard", "topic: recursion\n    difficulty: hard")),
            "fundamentals.yaml, item 3 (f-3): topic 'recursion' is not one of the file's topics: loops, types"),
        malformed(
            "missing id",
            fundamentals(text -> text.replace("  - id: f-2\n    kind", "  - kind")),
            "fundamentals.yaml, item 2: id is required"),
        malformed(
            "unknown difficulty",
            fundamentals(text -> text.replace("difficulty: medium", "difficulty: extreme")),
            "fundamentals.yaml, item 2 (f-2): difficulty 'extreme' is not known"),
        malformed(
            "unknown field in an item",
            fundamentals(text -> text.replace("prompt: Pick b", "prompt: Pick b\n    hint: it is b")),
            "fundamentals.yaml, item 1 (f-1): 'hint' is not a known field"),
        malformed(
            "output prediction without code",
            fundamentals(text -> text.replace("    code: |\n      print(1.10)\n", "")),
            "fundamentals.yaml, item 3 (f-3): an output-prediction item needs the code"),
        malformed(
            "a choice item with one option",
            fundamentals(text -> text.replace("      a: Option A\n      b: Option B\n", "      b: Option B\n")),
            "fundamentals.yaml, item 1 (f-1): options is required: 2 to 8 entries"),
        malformed(
            "options on a typed item",
            java(text -> text.replace("prompt: Which keyword?", "prompt: Which keyword?\n    options: {a: x, b: y}")),
            "java.yaml, item 1 (j-1): a short-answer item has a typed answer, not options"),
        malformed(
            "an unknown whitespace rule",
            java(text -> text.replace("whitespace: trim", "whitespace: squeeze")),
            "java.yaml, item 1 (j-1): match: whitespace 'squeeze' is not known"),
        malformed(
            "unknown language",
            java(text -> text.replace("language: java", "language: Cobol")),
            "java.yaml: language 'Cobol' is not known"),
        malformed(
            "missing version",
            java(text -> text.replace("version: 2.1\n", "")),
            "java.yaml: version is required"),
        malformed(
            "a declared topic without items",
            fundamentals(text -> text.replace("topics: [loops, types]", "topics: [loops, types, recursion]")),
            "fundamentals.yaml: topic 'recursion' has no items"),
        malformed(
            "not valid YAML",
            fundamentals(text -> text.replace("    prompt: Pick b", "   prompt: [Pick b")),
            "fundamentals.yaml: not valid YAML"),
        malformed(
            "a key given twice",
            fundamentals(text -> text.replace("    prompt: Pick b", "    prompt: Pick b\n    prompt: Pick a")),
            "fundamentals.yaml: not valid YAML: while constructing a mapping"),
        malformed(
            "no fundamentals area",
            fundamentals(text -> text.replace("area: fundamentals", "area: basics")),
            "fundamentals.yaml: language is required for area 'basics'"));
  }

  private static Arguments malformed(String name, String[] files, String expected) {
    return Arguments.of(name, files[0], files[1], expected);
  }

  private static String[] fundamentals(UnaryOperator<String> change) {
    return new String[] {change.apply(FUNDAMENTALS), JAVA};
  }

  private static String[] java(UnaryOperator<String> change) {
    return new String[] {FUNDAMENTALS, change.apply(JAVA)};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedBanks")
  void aMalformedFileIsRefusedNamingTheFileAndTheItem(
      String name, String fundamentals, String java, String expected) {
    assertThatThrownBy(() -> load(fundamentals, java))
        .isInstanceOf(ItemBankException.class)
        .hasMessageStartingWith("The assessment item bank at " + folder.toUri())
        .hasMessageContaining(expected);
  }

  @Test
  void everyProblemIsListedAtOnce() {
    String broken =
        FUNDAMENTALS.replace("kind: output-prediction", "kind: essay").replace("key: [a, c]", "key: [a, z]");

    assertThatThrownBy(() -> load(broken, JAVA))
        .isInstanceOfSatisfying(
            ItemBankException.class,
            e ->
                assertThat(e.getProblems())
                    .containsExactly(
                        "fundamentals.yaml, item 2 (f-2): key 'z' is not one of the options (a, b, c)",
                        "fundamentals.yaml, item 3 (f-3): kind 'essay' is not known; one of single-choice,"
                            + " multiple-choice, output-prediction, short-answer"));
  }

  @Test
  void tooFewItemsToAssembleAFormIsRefused() {
    // f-4 is retired: three items can be drawn, a form of four cannot be
    assertThatThrownBy(() -> load(FUNDAMENTALS, JAVA, 4))
        .isInstanceOf(ItemBankException.class)
        .hasMessageContaining(
            "fundamentals.yaml: has 3 items that are not retired, but a sitting draws 4"
                + " (hiring.assessment.built-in.fundamentals-items)");
  }

  @Test
  void aBankWithoutALanguageIsRefused() {
    assertThatThrownBy(() -> load(FUNDAMENTALS, null))
        .isInstanceOf(ItemBankException.class)
        .hasMessageContaining("no file tests a programming language");
  }

  @Test
  void twoFilesForOneLanguageAreRefused() throws IOException {
    Files.writeString(folder.resolve("java-more.yaml"), JAVA.replace("j-1", "j-2").replace("area: java", "area: java-more"));

    assertThatThrownBy(() -> load(FUNDAMENTALS, JAVA))
        .isInstanceOf(ItemBankException.class)
        .hasMessageContaining("java.yaml: language Java is tested in java-more.yaml already");
  }

  @Test
  void aFolderWithoutBankFilesIsRefused() {
    assertThatThrownBy(() -> load(null, null))
        .isInstanceOf(ItemBankException.class)
        .hasMessageContaining("no bank files (*.yaml, *.yml) found");
  }

  // --- start-up -----------------------------------------------------------------------------

  @Configuration
  @EnableConfigurationProperties(BuiltInAssessmentProperties.class)
  static class BankOnly {}

  private ApplicationContextRunner contextWithBankIn(Path bankFolder) {
    return new ApplicationContextRunner()
        .withUserConfiguration(BankOnly.class, BuiltInAssessmentConfiguration.class)
        .withPropertyValues(
            "hiring.assessment.built-in.bank-location=" + bankFolder.toUri(),
            "hiring.assessment.built-in.fundamentals-items=" + FUNDAMENTALS_ITEMS,
            "hiring.assessment.built-in.language-items=" + LANGUAGE_ITEMS);
  }

  @Test
  void aMalformedBankStopsStartUpNamingFileAndItem() throws IOException {
    Files.writeString(folder.resolve("fundamentals.yaml"), FUNDAMENTALS.replace("key: b", "key: e"));
    Files.writeString(folder.resolve("java.yaml"), JAVA);

    contextWithBankIn(folder)
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .isNotNull()
                    .rootCause()
                    .isInstanceOf(ItemBankException.class)
                    .hasMessageContaining("fundamentals.yaml, item 1 (f-1): key 'e' is not one of the options (a, b)"));
  }

  @Test
  void aFileNamingALanguageTheApplicationFormDoesNotOfferStopsStartUpNamingTheFile() throws IOException {
    Files.writeString(folder.resolve("fundamentals.yaml"), FUNDAMENTALS);
    Files.writeString(folder.resolve("java.yaml"), JAVA);
    // a program manager adds Rust, which is not one of ProgrammingLanguage's names
    Files.writeString(
        folder.resolve("rust.yaml"),
        JAVA.replace("area: java", "area: rust").replace("language: java", "language: Rust").replace("j-1", "rs-1"));

    contextWithBankIn(folder)
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .isNotNull()
                    .rootCause()
                    .isInstanceOf(ItemBankException.class)
                    .hasMessageContaining("rust.yaml: language 'Rust' is not known; one of Java, JavaScript,")
                    .hasMessageContaining(
                        "(another language needs an entry in org.racetoplace.application.ProgrammingLanguage first:"
                            + " docs/assessment.md, \"Adding a language\")")
                    .hasMessageNotContaining("java.yaml"));
  }

  @Test
  void aValidBankIsABean() throws IOException {
    Files.writeString(folder.resolve("fundamentals.yaml"), FUNDAMENTALS);
    Files.writeString(folder.resolve("java.yaml"), JAVA);

    contextWithBankIn(folder)
        .run(context -> assertThat(context.getBean(ItemBank.class).item("j-1")).isPresent());
  }

  @Test
  void theDefaultsMatchApplicationYaml() {
    BuiltInAssessmentProperties defaults = BuiltInAssessmentProperties.defaults();
    assertThat(List.of(defaults.timeLimit().toMinutes(), (long) defaults.fundamentalsItems(), (long) defaults.languageItems()))
        .containsExactly(45L, 14L, 8L);
    assertThat(defaults.bankLocation()).isEqualTo("classpath:assessment/");
    assertThatThrownBy(() -> new BuiltInAssessmentProperties(java.time.Duration.ZERO, null, null, null))
        .hasMessageContaining("time-limit");
    assertThatThrownBy(() -> new BuiltInAssessmentProperties(null, 0, null, null))
        .hasMessageContaining("fundamentals-items");
  }
}
