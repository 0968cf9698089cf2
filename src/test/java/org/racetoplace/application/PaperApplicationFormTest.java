package org.racetoplace.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.racetoplace.application.ApplicationRequest.CertificateRequest;
import org.racetoplace.application.ApplicationRequest.ProjectRequest;
import org.racetoplace.application.ApplicationRequest.SelfIdentificationRequest;
import org.racetoplace.application.ApplicationRequest.SkillRequest;
import org.racetoplace.application.ApplicationRequest.WorkHistoryRequest;
import org.racetoplace.application.ApplicationService.Submission;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;

/**
 * The paper form read into the API's request, and its problems told in the form's words; then the
 * delegate around it, with the real rules and a stand-in intake service. No engine, no Spring.
 */
class PaperApplicationFormTest {

  private static ValidatorFactory factory;
  private static ApplicationRules rules;

  @BeforeAll
  static void rules() {
    factory = Validation.buildDefaultValidatorFactory();
    Validator validator = factory.getValidator();
    CommunityRepository communities = mock(CommunityRepository.class);
    when(communities.findById(anyString())).thenReturn(Optional.empty());
    when(communities.findById("birmingham"))
        .thenReturn(Optional.of(new Community("birmingham", "Birmingham", "AL", "BHM", "America/Chicago")));
    rules =
        new ApplicationRules(
            validator, communities, Clock.fixed(Instant.parse("2030-06-01T12:00:00Z"), ZoneOffset.UTC));
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  static Map<String, Object> validForm() {
    Map<String, Object> form = new HashMap<>();
    form.put("firstName", "Ada");
    form.put("lastName", "Lovelace");
    form.put("email", "ada@example.org");
    form.put("phone", "+1 205 555 0100");
    form.put("community", "birmingham");
    form.put("roleTrack", "software-engineer");
    form.put("languageJava", true);
    form.put("languageCSharp", true);
    form.put("languagePython", false);
    form.put("skills", "Java, 3\n\n  Spring, Boot , 2  \r\nSQL,5");
    form.put("workHistory", "Cashier | Acme | 2013 | 2016\nTutor | Library | 2017");
    form.put(
        "projects",
        "Bus tracker | https://example.org/bus | Java; SQL ; | Shows when the next bus comes | daily\nNotes app");
    form.put("certificates", "Java bootcamp | Innovation Depot | 2016\nSQL | Coursera | 2018 | https://example.org/c");
    form.put("sex", "female");
    form.put("raceEthnicity", "");
    form.put("consent", true);
    return form;
  }

  private static List<String> problems(Map<String, Object> variables) {
    PaperApplicationForm form = PaperApplicationForm.read(variables::get);
    List<FieldProblem> ruleProblems = new ArrayList<>();
    try {
      rules.check(form.request(), List.of());
    } catch (InvalidRequestException e) {
      ruleProblems.addAll(e.getErrors());
    }
    return form.explain(ruleProblems);
  }

  @Test
  void readsTheFormIntoTheRequestOfTheApi() {
    ApplicationRequest request = PaperApplicationForm.read(validForm()::get).request();

    assertThat(request.firstName()).isEqualTo("Ada");
    assertThat(request.email()).isEqualTo("ada@example.org");
    assertThat(request.community()).isEqualTo("birmingham");
    assertThat(request.languages()).containsExactly("Java", "C#");
    assertThat(request.skills())
        .containsExactly(
            new SkillRequest("Java", 3), new SkillRequest("Spring, Boot", 2), new SkillRequest("SQL", 5));
    assertThat(request.workHistory())
        .containsExactly(
            new WorkHistoryRequest("Cashier", "Acme", 2013, 2016),
            new WorkHistoryRequest("Tutor", "Library", 2017, null));
    assertThat(request.projects())
        .containsExactly(
            new ProjectRequest(
                "Bus tracker",
                "https://example.org/bus",
                "Shows when the next bus comes | daily",
                List.of("Java", "SQL")),
            new ProjectRequest("Notes app", null, null, List.of()));
    assertThat(request.certificates())
        .containsExactly(
            new CertificateRequest("Java bootcamp", "Innovation Depot", 2016, null),
            new CertificateRequest("SQL", "Coursera", 2018, "https://example.org/c"));
    assertThat(request.selfIdentification()).isEqualTo(new SelfIdentificationRequest("female", null));
    assertThat(request.consent()).isTrue();
    assertThat(problems(validForm())).isEmpty();
  }

  @Test
  void emptyOptionalFieldsAreLeftOutAsInTheApi() {
    Map<String, Object> form = validForm();
    form.put("phone", " ");
    form.put("skills", null);
    form.remove("workHistory");
    form.put("projects", "");
    form.put("sex", null);
    form.put("raceEthnicity", null);

    ApplicationRequest request = PaperApplicationForm.read(form::get).request();

    assertThat(request.phone()).isNull();
    assertThat(request.skillsOrEmpty()).isEmpty();
    assertThat(request.workHistoryOrEmpty()).isEmpty();
    assertThat(request.projectsOrEmpty()).isEmpty();
    assertThat(request.selfIdentification()).isNull();
    assertThat(problems(form)).isEmpty();
  }

  @Test
  void unreadableLinesAreNamedByTheirLineAsStaffSeeIt() {
    Map<String, Object> form = validForm();
    form.put("skills", "Java, 3\n\nSpring without level\nSQL, three");
    form.put("workHistory", "Cashier | Acme\nTutor | Library | last year | 2018");
    form.put("certificates", "\nJava bootcamp | Innovation Depot | 20x6");

    assertThat(problems(form))
        .containsExactly(
            "Skills line 3: write the skill and its level separated by a comma, e.g. \"Java, 3\"",
            "Skills line 4: level must be a whole number from 1 to 5",
            "Work history line 1: write title | employer | start year | end year (leave the end year out for a current job)",
            "Work history line 2: start year must be a year such as 2016",
            "Certificates line 2: year must be a year such as 2016");
  }

  @Test
  void theRulesOfTheApiAreToldInTheWordsOfTheForm() {
    Map<String, Object> form = validForm();
    form.put("firstName", "  ");
    form.put("email", "not-an-email");
    form.put("community", "atlantis");
    form.put("languageJava", false);
    form.put("languageCSharp", false);
    // line 2 is blank, so the second skill is on line 3
    form.put("skills", "Java, 3\n\nSQL, 9");
    form.put("workHistory", "Cashier | Acme | 2016 | 2013");
    form.put("projects", "Bus tracker | ftp://example.org | Java; " + "x".repeat(51));
    form.put("consent", false);

    assertThat(problems(form))
        .containsExactly(
            "First name: must not be blank",
            "Email: must be a valid email address",
            "Community: is not a community we serve; see GET /api/communities",
            "Languages: must not be empty",
            "Skills line 3: level must be less than or equal to 5",
            "Work history line 1: end year must not be before startYear",
            "Projects line 1: URL must be an http or https URL",
            "Projects line 1: technology 2 size must be between 0 and 50",
            "Consent: must be true: we can only process an application with consent");
  }

  @Test
  void aConsentLeftOutIsNoConsent() {
    Map<String, Object> form = validForm();
    form.remove("consent");
    assertThat(problems(form)).containsExactly("Consent: must be true: we can only process an application with consent");
  }

  /** The form file and the reader agree on every key, so no field is silently ignored or kept. */
  @Test
  void theFormSubmitsExactlyTheKeysTheReaderReadsAndRemoves() throws Exception {
    JsonNode form;
    try (InputStream in = getClass().getResourceAsStream("/forms/paper-application.form")) {
      form = new ObjectMapper().readTree(in);
    }
    assertThat(form.get("id").asText()).isEqualTo(RegisterPaperApplicationDelegate.PROCESS_ID);
    Set<String> keys = new HashSet<>();
    collectKeys(form.get("components"), keys);

    assertThat(keys).containsExactlyInAnyOrderElementsOf(PaperApplicationForm.variableNames());
    for (ProgrammingLanguage language : ProgrammingLanguage.values()) {
      assertThat(keys).contains(PaperApplicationForm.languageKey(language));
    }
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      if (component.has("components")) {
        collectKeys(component.get("components"), keys);
      }
    }
  }

  // --- the delegate -------------------------------------------------------------------------

  private final ApplicationService service = mock(ApplicationService.class);
  private final RegisterPaperApplicationDelegate delegate =
      new RegisterPaperApplicationDelegate(rules, service);

  private static DelegateExecution execution(Map<String, Object> variables) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    return execution;
  }

  @Test
  void registersThroughTheIntakeAndKeepsOnlyTheReference() {
    when(service.submit(any(), eq("birmingham"))).thenReturn(new Submission("BHM-000042", "token"));
    DelegateExecution execution = execution(validForm());

    delegate.execute(execution);

    verify(service).submit(any(ApplicationRequest.class), eq("birmingham"));
    verify(execution).setVariable(HiringPipeline.VAR_APPLICATION_REFERENCE, "BHM-000042");
    for (String name : PaperApplicationForm.variableNames()) {
      verify(execution).removeVariable(name);
    }
    verify(execution, never()).setVariable(eq("statusToken"), any());
  }

  @Test
  void anInvalidFormIsRefusedWithEveryProblemAndNothingIsSubmitted() {
    Map<String, Object> form = validForm();
    form.put("email", "not-an-email");
    form.put("skills", "Java, 9");

    assertThatThrownBy(() -> delegate.execute(execution(form)))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("nothing was stored")
        .hasMessageContaining("Email: must be a valid email address; Skills line 1: level must be less than or equal to 5");
    verify(service, never()).submit(any(), anyString());
  }

  @Test
  void aDuplicateIsRefusedWithTheExistingReference() {
    when(service.submit(any(), anyString())).thenThrow(new DuplicateApplicationException("BHM-000007"));

    assertThatThrownBy(() -> delegate.execute(execution(validForm())))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("already has an active application in this community, BHM-000007");
  }
}
