package org.racetoplace.platform.demo;

import java.util.List;
import java.util.Locale;
import org.racetoplace.application.ApplicationRepository;
import org.racetoplace.application.ApplicationRequest;
import org.racetoplace.application.ApplicationRequest.CertificateRequest;
import org.racetoplace.application.ApplicationRequest.ProjectRequest;
import org.racetoplace.application.ApplicationRequest.SkillRequest;
import org.racetoplace.application.ApplicationRequest.WorkHistoryRequest;
import org.racetoplace.application.ApplicationService;
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
 * community) that enter the pipeline as real ones do, so Tasklist and Cockpit show something on
 * the first start. Never active in
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
  private final String password;

  public DemoData(
      IdentitySetup identitySetup,
      CommunityRepository communities,
      ApplicationService applicationService,
      ApplicationRepository applications,
      @Value("${hiring.demo.password}") String password) {
    this.identitySetup = identitySetup;
    this.communities = communities;
    this.applicationService = applicationService;
    this.applications = applications;
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
    int submitted = 0;
    for (int i = 0; i < SAMPLE_PEOPLE.size(); i++) {
      Community community = active.get(i % active.size());
      applicationService.submit(sampleApplication(SAMPLE_PEOPLE.get(i), community, i), community.getId());
      submitted++;
    }
    log.info("Demo: submitted {} sample applications", submitted);
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
