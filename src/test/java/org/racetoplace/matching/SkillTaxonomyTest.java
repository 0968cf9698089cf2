package org.racetoplace.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillTaxonomyTest {

  private static final SkillTaxonomy TAXONOMY = SkillTaxonomy.bundled();

  private static SkillTaxonomy load(String yaml) {
    return SkillTaxonomy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theBundledTaxonomyIsVersionedAndHasAtLeast300SkillsInEveryKindOfCategory() {
    assertThat(TAXONOMY.version()).isNotBlank();
    assertThat(TAXONOMY.size()).isGreaterThanOrEqualTo(300);
    Set<String> categories =
        TAXONOMY.skills().stream().map(SkillTaxonomy.Definition::category).collect(Collectors.toSet());
    assertThat(categories).contains("language", "frontend", "backend", "database", "tool", "practice", "cloud", "testing");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "JS | JavaScript",
        "ECMAScript | JavaScript",
        "  javascript  | JavaScript",
        "Postgres | PostgreSQL",
        "postgresql | PostgreSQL",
        "C sharp | C#",
        "c# | C#",
        "CSharp | C#",
        "C++ | C++",
        "cpp | C++",
        "C | C",
        "Node.js | Node.js",
        "node js | Node.js",
        "NODEJS | Node.js",
        "Golang | Go",
        "k8s | Kubernetes",
        "Spring-Boot | Spring Boot",
        "MS SQL | SQL Server",
        "dotnet | .NET",
        ".net core | .NET",
        "React.js | React",
        "Vue | Vue.js",
      })
  void aliasesNamesAndSpellingsResolveToTheCanonicalSkill(String written, String canonical) {
    SkillVocabulary vocabulary = TAXONOMY.vocabulary();
    SkillVocabulary.Resolved resolved = vocabulary.resolve(written);
    assertThat(resolved.known()).isTrue();
    assertThat(resolved.name()).isEqualTo(canonical);
    assertThat(vocabulary.nameOf(resolved.id())).isEqualTo(canonical);
    assertThat(vocabulary.unknownCount()).isZero();
  }

  @Test
  void cAndCPlusPlusAndCSharpStayThreeSkills() {
    SkillVocabulary vocabulary = TAXONOMY.vocabulary();
    assertThat(Set.of(vocabulary.resolve("C").id(), vocabulary.resolve("C++").id(), vocabulary.resolve("C#").id())).hasSize(3);
  }

  @Test
  void anUnknownSkillIsKeptAsWrittenAndMatchesItsOwnSpellingsOnly() {
    SkillVocabulary vocabulary = TAXONOMY.vocabulary();
    SkillVocabulary.Resolved first = vocabulary.resolve(" Quantum Widgets ");
    SkillVocabulary.Resolved again = vocabulary.resolve("quantum-widgets");
    SkillVocabulary.Resolved other = vocabulary.resolve("Quantum Gadgets");

    assertThat(first.known()).isFalse();
    assertThat(first.name()).isEqualTo("Quantum Widgets");
    assertThat(vocabulary.isKnown(first.id())).isFalse();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(other.id()).isNotEqualTo(first.id());
    assertThat(vocabulary.nameOf(first.id())).isEqualTo("Quantum Widgets");
    assertThat(vocabulary.unknownCount()).isEqualTo(2);
    assertThat(TAXONOMY.knows("Quantum Widgets")).isFalse();
  }

  @Test
  void unknownNamesAreKeptByTheRunsVocabularyOnlyNotByTheTaxonomy() {
    SkillVocabulary run = TAXONOMY.vocabulary();
    int widgets = run.resolve("Erased Widgets").id();
    int java = run.resolve("Java").id();

    SkillVocabulary next = TAXONOMY.vocabulary();
    assertThat(next.unknownCount())
        .as("a new run starts without the names an earlier run was given")
        .isZero();
    assertThat(next.resolve("Other Widgets").id())
        .as("its first unknown name gets the first id after the taxonomy's, as the earlier run's did")
        .isEqualTo(widgets)
        .isEqualTo(TAXONOMY.size());
    assertThat(next.nameOf(widgets)).isEqualTo("Other Widgets");
    assertThat(next.resolve("java").id()).as("the taxonomy's ids are the same in every run").isEqualTo(java);
    assertThat(run.nameOf(widgets)).isEqualTo("Erased Widgets");
  }

  @Test
  void checkingANameOnlyLooksItUpAndHandsAnUnknownOneNoId() {
    SkillTaxonomy taxonomy = SkillTaxonomy.bundled();

    assertThat(taxonomy.canonicalName(" js ")).contains("JavaScript");
    assertThat(taxonomy.canonicalName("C SHARP")).contains("C#");
    assertThat(taxonomy.canonicalName("Refused Widgets")).isEmpty();
    assertThat(taxonomy.canonicalName(" ")).isEmpty();
    assertThat(taxonomy.canonicalName(null)).isEmpty();

    assertThat(SkillTaxonomy.unknownKey(" Stored-Widgets ")).isEqualTo("storedwidgets");
    assertThat(SkillTaxonomy.unknownKey(" -- ")).isEqualTo("--");
  }

  @Test
  void relatedLinksGivePartialCreditOneWay() {
    SkillVocabulary vocabulary = TAXONOMY.vocabulary();
    int springBoot = vocabulary.resolve("Spring Boot").id();
    int javaId = vocabulary.resolve("Java").id();
    int index = Arrays.binarySearch(TAXONOMY.relatedIds(springBoot), javaId);
    assertThat(index).isGreaterThanOrEqualTo(0);
    assertThat(TAXONOMY.relatedCredits(springBoot)[index]).isEqualTo(0.5);
    assertThat(Arrays.binarySearch(TAXONOMY.relatedIds(javaId), springBoot)).isNegative();
  }

  @Test
  void certificateTitlesNameTheSkillsTheyCover() {
    assertThat(TAXONOMY.mentionedIn("AWS Certified Cloud Practitioner")).extracting(SkillTaxonomy.Definition::name)
        .containsExactly("AWS Certified Cloud Practitioner");
    assertThat(TAXONOMY.mentionedIn("Udacity Java and Spring Boot Nanodegree")).extracting(SkillTaxonomy.Definition::name)
        .containsExactly("Java", "Spring Boot");
    assertThat(TAXONOMY.mentionedIn("Certificate of attendance")).isEmpty();
    assertThat(TAXONOMY.mentionedIn(null)).isEmpty();
  }

  @Test
  void aNameOrAliasClaimedByTwoSkillsStopsTheLoadNamingBoth() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    version: "t1"
                    skills:
                      - {name: JavaScript, category: language, aliases: [JS]}
                      - {name: JScript, category: language, aliases: [js]}
                    """))
        .isInstanceOf(SkillTaxonomy.InvalidTaxonomyException.class)
        .hasMessageContaining("skill 'JScript'")
        .hasMessageContaining("already a name or alias of skill 'JavaScript'");
    assertThatThrownBy(
            () ->
                load(
                    """
                    version: "t1"
                    skills:
                      - {name: Node.js, category: backend}
                      - {name: NodeJS, category: backend}
                    """))
        .hasMessageContaining("skill 'NodeJS'");
  }

  @Test
  void aLinkToAnUnknownSkillOrItselfOrWithABadCreditStopsTheLoad() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    version: "t1"
                    skills:
                      - {name: Spring Boot, category: backend, related: {Jawa: 0.5}}
                    """))
        .hasMessageContaining("skill 'Spring Boot': related 'Jawa' is not a skill of the taxonomy");
    assertThatThrownBy(
            () ->
                load(
                    """
                    version: "t1"
                    skills:
                      - {name: Java, category: language, related: {java: 0.5}}
                    """))
        .hasMessageContaining("links the skill to itself");
    assertThatThrownBy(
            () ->
                load(
                    """
                    version: "t1"
                    skills:
                      - {name: Java, category: language}
                      - {name: Kotlin, category: language, related: {Java: 1.5}}
                    """))
        .hasMessageContaining("skill 'Kotlin': related 'Java'")
        .hasMessageContaining("between 0 and 1");
  }

  @Test
  void missingFieldsAndUnknownCategoriesStopTheLoad() {
    assertThatThrownBy(() -> load("skills: [{name: Java, category: language}]")).hasMessageContaining("'version' is missing");
    assertThatThrownBy(() -> load("version: x\nskills: [{category: language}]")).hasMessageContaining("skills[0]: 'name' is missing");
    assertThatThrownBy(() -> load("version: x\nskills: [{name: Java, category: beverages}]"))
        .hasMessageContaining("skill 'Java' (skills[0]): 'category' must be one of");
    assertThatThrownBy(() -> load("version: x\nskills: []")).hasMessageContaining("non-empty list");
  }
}
