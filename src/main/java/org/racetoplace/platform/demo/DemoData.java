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
 * {@code hiring.demo.password}, employer partners with open positions in every community ({@link
 * DemoEmployers}), and fifteen sample applications that enter the pipeline as real ones do. Twelve
 * (two per community): ten have passed their assessment and wait for vetting, one fell short of
 * the pass mark, one has yet to take the assessment. Three more have gone further, moved along by
 * demo users as people would in Tasklist ({@link DemoCaseProgress}): one waits for its interview,
 * one is with Magic City Software's employer review (demo user {@code employer}), one is placed.
 * Tasklist and Cockpit show a living pipeline on the first start. Never active in the {@code
 * postgres} profile unless asked for.
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
  private final DemoEmployers demoEmployers;
  private final DemoCaseProgress progress;
  private final String password;

  public DemoData(
      IdentitySetup identitySetup,
      CommunityRepository communities,
      ApplicationService applicationService,
      ApplicationRepository applications,
      AssessmentResultService assessmentResults,
      ManagementService managementService,
      RuntimeService runtimeService,
      DemoEmployers demoEmployers,
      DemoCaseProgress progress,
      @Value("${hiring.demo.password}") String password) {
    this.identitySetup = identitySetup;
    this.communities = communities;
    this.applicationService = applicationService;
    this.applications = applications;
    this.assessmentResults = assessmentResults;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.demoEmployers = demoEmployers;
    this.progress = progress;
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
    demoEmployers.apply();
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
      boolean engineer = i % 2 == 0;
      String language = engineer ? (i % 4 == 0 ? "Java" : "Python") : "JavaScript";
      ApplicationRequest request = sampleApplication(SAMPLE_PEOPLE.get(i), community, i, language);
      String reference = applicationService.submit(request, community).reference();
      if (i < SAMPLE_PEOPLE.size() - 1) {
        // all but the last have taken the assessment; the second to last fell short of the pass mark
        boolean passes = i < SAMPLE_PEOPLE.size() - 2;
        if (assess(reference, request, i, passes)) {
          assessed++;
        }
      }
    }
    log.info("Demo: submitted {} sample applications, {} with an assessment result", SAMPLE_PEOPLE.size(), assessed);
    submitCasesInLaterStages();
  }

  /**
   * Three cases further along: waiting for the interview (Atlanta), with Magic City Software's
   * review (Birmingham), placed at Magic City Software (Birmingham).
   */
  private void submitCasesInLaterStages() {
    Community atlanta = communities.findById("atlanta").orElseThrow();
    Community birmingham = communities.findById("birmingham").orElseThrow();

    String interviewing = assessedCase("Grace Okafor", atlanta, 13, "JavaScript");
    if (interviewing != null
        && progress.approveVetting(interviewing, "vetter-atlanta")) {
      progress.scheduleInterview(interviewing, "interviewer");
    }

    // placed first, so it takes one of the opening's two positions and the next case the other
    String placed = assessedCase("Hannah Lee", birmingham, 14, "Java");
    if (placed != null && throughInterview(placed)) {
      progress.hire(placed, "employer", "staff");
    }
    String inReview = assessedCase("Miguel Santos", birmingham, 15, "Java");
    if (inReview != null) {
      throughInterview(inReview);
    }
    log.info("Demo: three cases moved on to interview, employer review and placement");
  }

  private boolean throughInterview(String processInstanceId) {
    return progress.approveVetting(processInstanceId, "vetter-birmingham")
        && progress.scheduleInterview(processInstanceId, "interviewer")
        && progress.passInterview(processInstanceId, "interviewer")
        && progress.reached(processInstanceId, HiringPipeline.TASK_EMPLOYER_REVIEW);
  }

  /** Submits and assesses (passing) one sample case; its process instance id, or null. */
  private String assessedCase(String person, Community community, int i, String language) {
    ApplicationRequest request = sampleApplication(person, community, i, language);
    String reference = applicationService.submit(request, community).reference();
    if (!assess(reference, request, i, true)) {
      return null;
    }
    return applications.findByReference(reference).orElseThrow().getProcessInstanceId();
  }

  private boolean assess(String reference, ApplicationRequest request, int i, boolean passes) {
    if (!sendConfirmation(reference)) {
      log.warn("Demo: {} is not at the assessment step yet; it keeps waiting for its result", reference);
      return false;
    }
    assessmentResults.record(
        reference,
        RecordedResult.byStaff(
            ProgrammingLanguage.fromName(request.languages().get(0)).orElseThrow(),
            passes ? 70 + i : 45,
            passes ? 68 + i : 50,
            Map.of("control-flow", passes ? 75 : 40, "data-structures", passes ? 70 : 45)),
        "demo");
    return true;
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

  private static ApplicationRequest sampleApplication(String person, Community community, int i, String language) {
    String[] name = person.split(" ");
    boolean engineer = !"JavaScript".equals(language);
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
