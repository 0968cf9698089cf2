package org.racetoplace.platform.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Job;
import org.racetoplace.application.ApplicationRepository;
import org.racetoplace.application.ApplicationRequest;
import org.racetoplace.application.ApplicationRequest.CertificateRequest;
import org.racetoplace.application.ApplicationRequest.ProjectRequest;
import org.racetoplace.application.ApplicationRequest.SkillRequest;
import org.racetoplace.application.ApplicationRequest.WorkHistoryRequest;
import org.racetoplace.application.ApplicationService;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.assessment.AssessmentResultService;
import org.racetoplace.assessment.RecordedResult;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.platform.identity.HiringGroups;
import org.racetoplace.platform.identity.IdentitySetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only (the embedded default): one user per group with the password from
 * {@code hiring.demo.password}, a sample employer partner, and a dozen sample applications (two per
 * community) that enter the pipeline as real ones do: ten have passed their assessment and wait
 * for vetting, one fell short of the pass mark, one has yet to take the assessment. Tasklist and
 * Cockpit show a living pipeline on the first start. Never active in
 * the {@code postgres} profile unless asked for.
 */
@Component
@Profile("demo")
public class DemoData {

  static final String SAMPLE_EMPLOYER_SLUG = "magic-city-software";
  static final String SAMPLE_EMPLOYER_NAME = "Magic City Software";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final IdentitySetup identitySetup;
  private final CommunityRepository communities;
  private final ApplicationService applicationService;
  private final ApplicationRepository applications;
  private final AssessmentResultService assessmentResults;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final String password;

  public DemoData(
      IdentitySetup identitySetup,
      CommunityRepository communities,
      ApplicationService applicationService,
      ApplicationRepository applications,
      AssessmentResultService assessmentResults,
      ManagementService managementService,
      RuntimeService runtimeService,
      @Value("${hiring.demo.password}") String password) {
    this.identitySetup = identitySetup;
    this.communities = communities;
    this.applicationService = applicationService;
    this.applications = applications;
    this.assessmentResults = assessmentResults;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.password = password;
  }

  public void apply() {
    identitySetup.ensureUser("pm", "Pat", "Morgan", password, HiringGroups.PROGRAM_MANAGERS);
    identitySetup.ensureUser("staff", "Sam", "Taylor", password, HiringGroups.STAFF);
    identitySetup.ensureUser("interviewer", "Ira", "Walker", password, HiringGroups.INTERVIEWERS);
    String employerGroup = identitySetup.setUpEmployer(SAMPLE_EMPLOYER_SLUG, SAMPLE_EMPLOYER_NAME);
    identitySetup.ensureUser("employer", "Emery", "Lee", password, employerGroup);
    for (Community community : communities.findByActiveTrueOrderByName()) {
      identitySetup.ensureUser(
          "vetter-" + community.getId(),
          "Volunteer",
          "Vetter " + community.getName(),
          password,
          HiringGroups.vetters(community.getId()));
    }
    submitSampleApplications();
  }

  /**
   * Only into an empty database: a restart or a used demo database gets no extra cases. The
   * cases go through intake like any application, so they have real records and their
   * confirmation messages (logged, unless SMTP is configured).
   */
  private void submitSampleApplications() {
    if (applications.count() > 0) {
      return;
    }
    List<Community> active = communities.findByActiveTrueOrderByName();
    int assessed = 0;
    for (int i = 0; i < SAMPLE_PEOPLE.size(); i++) {
      Community community = active.get(i % active.size());
      ApplicationRequest request = sampleApplication(SAMPLE_PEOPLE.get(i), community, i);
      String reference = applicationService.submit(request, community.getId()).reference();
      if (i < SAMPLE_PEOPLE.size() - 1) {
        // all but the last have taken the assessment; the second to last fell short of the pass mark
        boolean passes = i < SAMPLE_PEOPLE.size() - 2;
        if (!sendConfirmation(reference)) {
          log.warn("Demo: {} is not at the assessment step yet; it keeps waiting for its result", reference);
          continue;
        }
        assessmentResults.record(
            reference,
            RecordedResult.byStaff(
                ProgrammingLanguage.fromName(request.languages().get(0)).orElseThrow(),
                passes ? 70 + i : 45,
                passes ? 68 + i : 50,
                Map.of("control-flow", passes ? 75 : 40, "data-structures", passes ? 70 : 45)),
            "demo");
        assessed++;
      }
    }
    log.info("Demo: submitted {} sample applications, {} with an assessment result", SAMPLE_PEOPLE.size(), assessed);
  }

  /**
   * Runs the case's confirmation job now rather than waiting for the job executor, so the case is
   * at the assessment step when its result is recorded. Should the job executor hold the job at
   * that moment, the engine's locking makes our run fail only once the executor's has committed.
   *
   * @return whether the case now waits for its assessment
   */
  private boolean sendConfirmation(String reference) {
    String processInstanceId = applications.findByReference(reference).orElseThrow().getProcessInstanceId();
    for (Job job : managementService.createJobQuery().processInstanceId(processInstanceId).executable().list()) {
      try {
        managementService.executeJob(job.getId());
      } catch (OptimisticLockingException | NullValueException alreadyRun) {
        // the job executor ran it meanwhile
      }
    }
    return awaitingAssessment(processInstanceId);
  }

  private boolean awaitingAssessment(String processInstanceId) {
    return runtimeService
            .createExecutionQuery()
            .processInstanceId(processInstanceId)
            .activityId(HiringPipeline.TASK_AWAIT_ASSESSMENT)
            .count()
        > 0;
  }

  private static ApplicationRequest sampleApplication(String person, Community community, int i) {
    String[] name = person.split(" ");
    boolean engineer = i % 2 == 0;
    String language = engineer ? (i % 4 == 0 ? "Java" : "Python") : "JavaScript";
    return new ApplicationRequest(
        name[0],
        name[1],
        name[0].toLowerCase(Locale.ROOT) + "." + name[1].toLowerCase(Locale.ROOT) + "@example.org",
        null,
        community.getId(),
        engineer ? "software-engineer" : "web-developer",
        List.of(language),
        List.of(
            new SkillRequest(language, 2 + i % 3),
            new SkillRequest(engineer ? "SQL" : "HTML", 3),
            new SkillRequest("Git", 2)),
        List.of(new WorkHistoryRequest(i % 3 == 0 ? "Retail associate" : "Customer support agent", "Local employer", 2016 + i % 5, 2022)),
        List.of(
            new ProjectRequest(
                engineer ? "Bus arrival tracker" : "Community garden website",
                "https://example.org/projects/" + (i + 1),
                "A small project built during evening classes.",
                List.of(language))),
        List.of(new CertificateRequest(language + " fundamentals", "Community coding school", 2023, null)),
        null,
        true);
  }

  /** Made-up people; example.org addresses never reach anyone. */
  private static final List<String> SAMPLE_PEOPLE =
      List.of(
          "Avery Johnson", "Jordan Baker", "Kai Nakamura", "Maya Robinson", "Luis Ortega", "Tanya Brooks",
          "Noah Kealoha", "Priya Raman", "Marcus Greene", "Sofia Almeida", "Dante Wallace", "Leilani Akana");
}
