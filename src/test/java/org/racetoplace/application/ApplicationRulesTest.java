package org.racetoplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.racetoplace.application.ApplicationRequest.CertificateRequest;
import org.racetoplace.application.ApplicationRequest.ProjectRequest;
import org.racetoplace.application.ApplicationRequest.SkillRequest;
import org.racetoplace.application.ApplicationRequest.WorkHistoryRequest;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;

/** The intake rules without Spring: Bean Validation, catalogs and the calendar. */
class ApplicationRulesTest {

  private static jakarta.validation.ValidatorFactory factory;
  private static Validator validator;

  /** Checks run "in 2030", so the year rules do not drift with the real calendar. */
  private final Clock in2030 = Clock.fixed(Instant.parse("2030-06-01T12:00:00Z"), ZoneOffset.UTC);

  private final CommunityRepository communities = mock(CommunityRepository.class);
  private ApplicationRules rules;

  @BeforeAll
  static void validator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  private ApplicationRules rules() {
    Community birmingham = new Community("birmingham", "Birmingham", "AL", "BHM", "America/Chicago");
    when(communities.findById(anyString())).thenReturn(Optional.empty());
    when(communities.findById("birmingham")).thenReturn(Optional.of(birmingham));
    return new ApplicationRules(validator, communities, in2030);
  }

  private static ApplicationRequest request(
      String community,
      List<String> languages,
      List<WorkHistoryRequest> jobs,
      List<ProjectRequest> projects,
      List<CertificateRequest> certificates) {
    return new ApplicationRequest(
        "Ada", "Lovelace", "ada@example.org", null, community, "web-developer", languages,
        List.of(new SkillRequest("Java", 3)), jobs, projects, certificates, null, true);
  }

  private List<FieldProblem> problems(ApplicationRequest request) {
    try {
      rules().check(request, List.of());
      return List.of();
    } catch (InvalidRequestException e) {
      return e.getErrors();
    }
  }

  @Test
  void aCompleteApplicationPassesAndNamesItsCommunity() {
    ApplicationRequest request =
        request("Birmingham", List.of("java", "C#", "c++"),
            List.of(new WorkHistoryRequest("Cashier", "Acme", 2013, null)),
            List.of(new ProjectRequest("Bus", "HTTPS://example.org/bus", null, List.of("Go"))),
            List.of(new CertificateRequest("Bootcamp", "Innovation Depot", 2031, null)));

    assertThat(rules().check(request, List.of()).getId()).isEqualTo("birmingham");
  }

  @Test
  void yearsRunFrom1950ToNextYear() {
    ApplicationRequest request =
        request("birmingham", List.of("Java"),
            List.of(
                new WorkHistoryRequest("A", "B", 1950, 2031),
                new WorkHistoryRequest("A", "B", 1949, 2032),
                new WorkHistoryRequest("A", "B", 2020, 2019)),
            List.of(),
            List.of(new CertificateRequest("C", "D", 2032, null)));

    assertThat(problems(request))
        .extracting(FieldProblem::field)
        .containsExactly(
            "certificates[0].year",
            "workHistory[1].endYear",
            "workHistory[1].startYear",
            "workHistory[2].endYear");
  }

  @Test
  void onlyAbsoluteHttpAndHttpsUrlsAreLinks() {
    assertThat(ApplicationRules.isHttpUrl("https://example.org/x")).isTrue();
    assertThat(ApplicationRules.isHttpUrl("http://example.org")).isTrue();
    assertThat(ApplicationRules.isHttpUrl("javascript:alert(1)")).isFalse();
    assertThat(ApplicationRules.isHttpUrl("data:text/html,hi")).isFalse();
    assertThat(ApplicationRules.isHttpUrl("//example.org/x")).isFalse();
    assertThat(ApplicationRules.isHttpUrl("https:///nohost")).isFalse();
    assertThat(ApplicationRules.isHttpUrl("http://exa mple.org")).isFalse();
  }

  @Test
  void unknownCommunityLanguageAndTrackAreFieldErrorsTogetherWithEarlierOnes() {
    ApplicationRequest request =
        new ApplicationRequest(
            "Ada", "", "ada@example.org", null, "gotham", "astronaut", List.of("Java", "Cobol"),
            null, null, null, null, null, true);

    assertThatThrownBy(() -> rules().check(request, List.of(new FieldProblem("nickname", "is not a known field"))))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.getErrors())
                  .extracting(FieldProblem::field)
                  .containsExactly("community", "languages[1]", "lastName", "nickname", "roleTrack");
              assertThat(e.getBody().getTitle()).isEqualTo("Invalid application");
            });
  }

  @Test
  void theLanguageAndTrackListsAreTheDocumentedOnes() {
    assertThat(ProgrammingLanguage.displayNames())
        .contains("Java", "JavaScript", "Python", "C#", "TypeScript", "Go", "Ruby", "PHP", "Kotlin",
            "Swift", "C++", "C");
    assertThat(RoleTrack.codes()).contains("software-engineer", "web-developer");
    assertThat(ProgrammingLanguage.fromName(" javascript ")).contains(ProgrammingLanguage.JAVASCRIPT);
  }
}
