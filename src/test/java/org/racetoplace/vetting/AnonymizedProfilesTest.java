package org.racetoplace.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.racetoplace.application.Application;
import org.racetoplace.application.Candidate;
import org.racetoplace.application.Certificate;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.application.ProjectTechnology;
import org.racetoplace.application.RoleTrack;
import org.racetoplace.application.Skill;
import org.racetoplace.application.WorkHistoryEntry;
import org.racetoplace.community.Community;
import org.racetoplace.vetting.CandidateProfile.AssessmentSummary;
import org.racetoplace.vetting.CandidateProfile.CertificateSummary;
import org.racetoplace.vetting.CandidateProfile.Experience;
import org.racetoplace.vetting.CandidateProfile.SkillLevel;
import org.racetoplace.vetting.CandidateProfile.Update;

/** What the anonymized profile shows and, above all, what it never shows. */
class AnonymizedProfilesTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** Everything identifying in the application below; none of it may appear in a profile. */
  private static final List<String> IDENTIFYING =
      List.of(
          "Grace", "Hopper", "grace.hopper", "@example", "example.org", "555", "0100",
          "Acme Widgets", "Remington Rand", "Innovation Depot", "Vassar", "http", "www.", "github.com",
          "birmingham", "Birmingham", "1987", "2012");

  private static Application application() {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    Community community = new Community("birmingham", "Birmingham", "AL", "BHM", "America/Chicago");
    Candidate candidate = new Candidate(community, "Grace.Hopper@example.org", now);
    candidate.updateDetails("Grace", "Hopper", "+1 205 555 0100", now);
    Application application = new Application("BHM-000123", candidate, RoleTrack.SOFTWARE_ENGINEER, "hash", now);
    application.addLanguage(ProgrammingLanguage.fromName("Java").orElseThrow());
    application.addLanguage(ProgrammingLanguage.fromName("JavaScript").orElseThrow());
    application.addSkill(new Skill("Java", 3));
    application.addSkill(new Skill("Git", 2));
    application.addWorkHistoryEntry(new WorkHistoryEntry("Cashier", "Acme Widgets", 2012, 2016));
    application.addWorkHistoryEntry(new WorkHistoryEntry("Programmer", "Remington Rand", 2025, null));
    application.addWorkHistoryEntry(new WorkHistoryEntry("Intern", "Acme Widgets", 2024, 2024));
    application.addProject(
        "Bus tracker",
        "https://example.org/bus",
        "Shows when the next bus comes. Grace Hopper built it at acme widgets in 2017-2018;"
            + " code at github.com/grace/bus, www.grace.dev, mail grace.hopper@example.org or call (205) 555-0100.",
        List.of(ProjectTechnology.asWritten("Java"), ProjectTechnology.asWritten("SQL")));
    application.addCertificate(new Certificate("Java bootcamp", "Innovation Depot", 2016, "https://example.org/cert"));
    application.addCertificate(new Certificate("Vassar coding course", "Vassar", 1987, null));
    return application;
  }

  /** A built-in result: 15 of 22 items right. */
  private static AssessmentSummary assessment() {
    return assessment(15, 22);
  }

  private static AssessmentSummary assessment(Integer rawScore, Integer maxScore) {
    Map<String, Integer> topics = new LinkedHashMap<>();
    topics.put("control-flow", 80);
    topics.put("data-structures", 60);
    return new AssessmentSummary("Java", 69, 72, 65, rawScore, maxScore, topics);
  }

  private static CandidateProfile profile() {
    List<Update> updates =
        List.of(new Update(Instant.parse("2026-03-05T09:00:00Z"), "I am Grace, see https://grace.dev for my portfolio."));
    return AnonymizedProfiles.build(application(), assessment(), updates, 2026);
  }

  @Test
  void theProfileHoldsSkillsAndEvidence() {
    CandidateProfile profile = profile();

    assertThat(profile.reference()).isEqualTo("BHM-000123");
    assertThat(profile.roleTrack()).isEqualTo("software-engineer");
    assertThat(profile.languages()).containsExactly("Java", "JavaScript");
    assertThat(profile.skills()).containsExactly(new SkillLevel("Java", 3), new SkillLevel("Git", 2));
    assertThat(profile.workHistory())
        .containsExactly(
            new Experience("Cashier", 4, false), new Experience("Programmer", 1, true), new Experience("Intern", 0, false));
    assertThat(profile.projects()).singleElement().satisfies(project -> {
      assertThat(project.name()).isEqualTo("Bus tracker");
      assertThat(project.technologies()).containsExactly("Java", "SQL");
      assertThat(project.description()).startsWith("Shows when the next bus comes.").contains("2017-2018");
    });
    assertThat(profile.certificates())
        .containsExactly(new CertificateSummary("Java bootcamp", 2016), new CertificateSummary("[removed] coding course", 1987));
    assertThat(profile.assessment()).isEqualTo(assessment());
    assertThat(profile.candidateUpdates()).singleElement().satisfies(update -> {
      assertThat(update.receivedAt()).isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));
      assertThat(update.message()).isEqualTo("I am [removed], see [removed] for my portfolio.");
    });
  }

  @Test
  void freeTextLosesNamesEmployersLinksEmailsAndPhones() {
    String description = profile().projects().get(0).description();

    assertThat(description)
        .isEqualTo(
            "Shows when the next bus comes. [removed] [removed] built it at [removed] in 2017-2018;"
                + " code at [removed], [removed], mail [removed] or call [removed].");
  }

  @Test
  void neitherTheJsonNorTheTextShowsAnythingIdentifying() throws Exception {
    CandidateProfile profile = profile();
    String json = JSON.writeValueAsString(profile);
    String text = AnonymizedProfiles.text(profile);

    // the certificate year 1987 is evidence, not age: it stays, so leave it out of this check
    for (String identifying : IDENTIFYING.stream().filter(value -> !value.equals("1987")).toList()) {
      assertThat(json).as("JSON").doesNotContainIgnoringCase(identifying);
      assertThat(text).as("text").doesNotContainIgnoringCase(identifying);
    }
    assertThat(json).doesNotContain("url", "issuer", "employer", "startYear", "email", "phone", "firstName");
  }

  @Test
  void theTextReadsAsAProfile() {
    String text = AnonymizedProfiles.text(profile());

    assertThat(text)
        .startsWith("Application BHM-000123\nRole track: Software engineer\nProgramming languages: Java, JavaScript\n")
        .contains("- Java: 3\n- Git: 2\n")
        .contains("- Cashier, 4 years\n- Programmer, 1 year (current)\n- Intern, under a year\n")
        .contains("- Bus tracker [Java, SQL]: Shows when the next bus comes.")
        .contains("- Java bootcamp (2016)\n")
        .contains(
            "- Scaled score: 69 of 100\n- Coding fundamentals: 72\n- Java: 65\n- Items right: 15 of 22\n"
                + "- Topic control-flow: 80\n")
        .contains("- 2026-03-05: I am [removed], see [removed] for my portfolio.");
  }

  @Test
  void aResultWithoutARawScoreShowsItsSubscoresOnly() throws Exception {
    // staff and providers send subscores only
    CandidateProfile profile = AnonymizedProfiles.build(application(), assessment(null, null), List.of(), 2026);

    assertThat(AnonymizedProfiles.text(profile))
        .contains("- Java: 65\n- Topic control-flow: 80\n")
        .doesNotContain("Items right");
    assertThat(JSON.readTree(JSON.writeValueAsString(profile)).get("assessment").get("rawScore").isNull()).isTrue();
  }

  @Test
  void aProfileWithoutAssessmentOrListsSaysNone() {
    Instant now = Instant.now();
    Community community = new Community("seattle", "Seattle", "WA", "SEA", "America/Los_Angeles");
    Candidate candidate = new Candidate(community, "x@example.org", now);
    candidate.updateDetails("Lin", "Wu", null, now);
    Application bare = new Application("SEA-000001", candidate, RoleTrack.WEB_DEVELOPER, "hash", now);

    String text = AnonymizedProfiles.text(AnonymizedProfiles.build(bare, null, List.of(), 2026));

    assertThat(text)
        .contains("Programming languages: none given")
        .contains("Skills (self-rated, 1 beginner to 5 expert): none")
        .contains("Assessment: none")
        .doesNotContain("asked for more information");
  }

  @Test
  void theTextFitsAProcessVariableHoweverLongTheApplication() {
    Application application = application();
    for (int i = 0; i < 19; i++) {
      application.addProject("Project " + i, null, "word ".repeat(400), List.of(ProjectTechnology.asWritten("Java")));
    }

    String text = AnonymizedProfiles.text(AnonymizedProfiles.build(application, assessment(), List.of(), 2026));

    assertThat(text.length()).isLessThanOrEqualTo(4000);
    assertThat(text).endsWith("(shortened: the full profile is too long for this form)");
  }

  @Test
  void lowerCaseWordsThatAreAlsoNamesStay() {
    ProfileRedaction redaction = new ProfileRedaction(List.of("Will", "Young"), List.of());

    assertThat(redaction.apply("Will said we will grow young teams")).isEqualTo("[removed] said we will grow young teams");
  }

  @Test
  void shortDigitRunsAreNotPhoneNumbers() {
    ProfileRedaction redaction = new ProfileRedaction(List.of(), List.of());

    assertThat(redaction.apply("From 2013-2016, scored 95.5 in 3 tests; phone 205.555.0100"))
        .isEqualTo("From 2013-2016, scored 95.5 in 3 tests; phone [removed]");
  }
}
