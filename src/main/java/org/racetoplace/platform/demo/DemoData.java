package org.racetoplace.platform.demo;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.platform.identity.HiringGroups;
import org.racetoplace.platform.identity.IdentitySetup;
import org.racetoplace.pipeline.HiringPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only (the embedded default): one user per group with the password from
 * {@code hiring.demo.password}, a sample employer partner, and a few cases waiting for vetting in
 * every community, so Tasklist and Cockpit show something on the first start. Never active in
 * the {@code postgres} profile unless asked for.
 */
@Component
@Profile("demo")
public class DemoData {

  static final String SAMPLE_EMPLOYER_SLUG = "magic-city-software";
  static final String SAMPLE_EMPLOYER_NAME = "Magic City Software";
  static final int CASES_PER_COMMUNITY = 2;

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final IdentitySetup identitySetup;
  private final CommunityRepository communities;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final String password;

  public DemoData(
      IdentitySetup identitySetup,
      CommunityRepository communities,
      RuntimeService runtimeService,
      HistoryService historyService,
      @Value("${hiring.demo.password}") String password) {
    this.identitySetup = identitySetup;
    this.communities = communities;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
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
    startSampleCases();
  }

  /** Only into an empty engine: a restart or a used demo database gets no extra cases. */
  private void startSampleCases() {
    long existing =
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(HiringPipeline.PROCESS_ID)
            .count();
    if (existing > 0) {
      return;
    }
    int started = 0;
    for (Community community : communities.findByActiveTrueOrderByName()) {
      for (int i = 1; i <= CASES_PER_COMMUNITY; i++) {
        String reference = String.format("%s-%06d", community.getReferencePrefix(), i);
        runtimeService.startProcessInstanceByKey(
            HiringPipeline.PROCESS_ID,
            reference,
            Map.of(
                HiringPipeline.VAR_APPLICATION_REFERENCE, reference,
                HiringPipeline.VAR_COMMUNITY, community.getId()));
        started++;
      }
    }
    log.info("Demo: started {} sample cases", started);
  }
}
