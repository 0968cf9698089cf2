package org.racetoplace.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.racetoplace.matching.OpeningSkill.preferred;
import static org.racetoplace.matching.OpeningSkill.required;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationRepository;
import org.racetoplace.application.Candidate;
import org.racetoplace.application.CandidateRepository;
import org.racetoplace.application.RoleTrack;
import org.racetoplace.application.Skill;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * End to end with the real model ({@code processes/hiring-pipeline.bpmn}) and the real beans: a
 * case that no opening fits waits in the talent pool; posting an opening it fits wakes it
 * ({@code OpeningPosted}), the cohort placement assigns it the opening, and it lands on {@code
 * Task_EmployerReview} of the right employer's group — not of a partner whose opening it does not
 * qualify for.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
      // jobs run by hand below, one transaction border at a time
      "camunda.bpm.job-execution.enabled=false",
      "spring.profiles.active=talent-pool-test",
      "hiring.admin.password=talent-pool-test"
    })
class TalentPoolOpeningPostedTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired EmployerPartners employerPartners;
  @Autowired JobOpenings jobOpenings;
  @Autowired MatchProposalRepository proposals;
  @Autowired CommunityRepository communities;
  @Autowired CandidateRepository candidates;
  @Autowired ApplicationRepository applications;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JobOpeningRepository openings;

  private ProcessInstance caseInTalentPool(String reference) {
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceByKey(HiringPipeline.PROCESS_ID)
            .businessKey(reference)
            .setVariable(HiringPipeline.VAR_APPLICATION_REFERENCE, reference)
            .setVariable(HiringPipeline.VAR_COMMUNITY, "hawaii")
            .startBeforeActivity(HiringPipeline.TASK_FIND_MATCHES)
            .execute();
    runDueJobs(instance);
    assertThat(runtimeService.getVariable(instance.getId(), HiringPipeline.VAR_MATCH_FOUND)).isEqualTo(false);
    return instance;
  }

  private String application(String communityId, Skill... skills) {
    return application("E2E-000001", communityId, skills);
  }

  private String application(String reference, String communityId, Skill... skills) {
    return new TransactionTemplate(transactionManager)
        .execute(
            status -> {
              Instant now = Instant.now();
              Community community = communities.findById(communityId).orElseThrow();
              Candidate candidate = new Candidate(community, reference.toLowerCase() + "@example.org", now);
              candidate.updateDetails("Pool", "Candidate", null, now);
              candidate = candidates.saveAndFlush(candidate);
              Application application =
                  new Application(reference, candidate, RoleTrack.SOFTWARE_ENGINEER, "0".repeat(64), now);
              for (Skill skill : skills) {
                application.addSkill(skill);
              }
              return applications.saveAndFlush(application).getReference();
            });
  }

  /** Runs the case's due jobs (async continuations), as the job executor would. */
  private void runDueJobs(ProcessInstance instance) {
    for (int round = 0; round < 10; round++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(instance.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  @Test
  void aPostedOpeningLiftsTheCaseOutOfTheTalentPoolToTheRightEmployersReview() {
    EmployerPartner decoy = employerPartners.register("pool-decoy-works", "Pool Decoy Works", null);
    jobOpenings.post(
        new NewOpening(decoy.getSlug(), "Rust engineer", "hawaii", false, 1, List.of(),
            List.of(required("Hyperloop Widgets", 2, 1), required("Rust", 2, 1))));
    String reference = application("hawaii", new Skill("Hyperloop Widgets", 4), new Skill("Git", 3));

    ProcessInstance instance =
        runtimeService
            .createProcessInstanceByKey(HiringPipeline.PROCESS_ID)
            .businessKey(reference)
            .setVariable(HiringPipeline.VAR_APPLICATION_REFERENCE, reference)
            .setVariable(HiringPipeline.VAR_COMMUNITY, "hawaii")
            .startBeforeActivity(HiringPipeline.TASK_FIND_MATCHES)
            .execute();
    runDueJobs(instance);

    assertThat(runtimeService.getVariable(instance.getId(), HiringPipeline.VAR_MATCH_FOUND)).isEqualTo(false);
    assertThat(runtimeService.getVariable(instance.getId(), HiringPipeline.VAR_TALENT_POOL_SINCE)).isNotNull();
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();

    EmployerPartner right = employerPartners.register("pool-right-labs", "Pool Right Labs", null);
    JobOpening posted =
        jobOpenings.post(
            new NewOpening(right.getSlug(), "Widget developer", "hawaii", false, 1, List.of(),
                List.of(required("hyperloop widgets", 3, 2), preferred("git", 2, 1))));
    runDueJobs(instance);

    Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(review).as("the case left the talent pool for a review").isNotNull();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(HiringPipeline.TASK_EMPLOYER_REVIEW);
    assertThat(taskService.getIdentityLinksForTask(review.getId()))
        .extracting(IdentityLink::getGroupId)
        .contains("employer-pool-right-labs")
        .doesNotContain("employer-pool-decoy-works");
    assertThat(runtimeService.getVariable(instance.getId(), HiringPipeline.VAR_OPENING_ID)).isEqualTo(posted.getId());

    long proposalId = (Long) runtimeService.getVariable(instance.getId(), HiringPipeline.VAR_MATCH_PROPOSAL_ID);
    MatchProposal proposal = proposals.findById(proposalId).orElseThrow();
    assertThat(proposal.getExplanation())
        .as("the woken case took the opening the cohort placement assigned it")
        .contains("Chosen by the stable placement of the talent pool (cohort run ");
    assertThat(proposal.getTaxonomyVersion()).isEqualTo(SkillTaxonomy.bundled().version());
    assertThat(taskService.getVariableLocal(review.getId(), HiringPipeline.VAR_MATCH_EXPLANATION))
        .asString()
        .startsWith("Widget developer at Pool Right Labs")
        .contains("- Hyperloop Widgets: required level 3, weight 2 — held at level 4, self-reported");
  }

  @Test
  void theWeeklyRematchOfOneCasePlacesThePoolTogetherAndTheBetterCandidateGetsTheOnlyPosition() {
    String better = application("E2E-000002", "hawaii", new Skill("Weekly Widgets", 5));
    String weaker = application("E2E-000003", "hawaii", new Skill("Weekly Widgets", 3));
    ProcessInstance betterCase = caseInTalentPool(better);
    ProcessInstance weakerCase = caseInTalentPool(weaker);

    // an opening appears without waking anybody (no OpeningPosted): only the weekly re-match finds it
    EmployerPartner partner = employerPartners.register("pool-weekly-co", "Pool Weekly Co", null);
    JobOpening opening =
        openings.saveAndFlush(
            new JobOpening(partner, new JobOpening.Terms("Widget engineer", communities.findById("hawaii").orElseThrow(),
                false, 1, List.of(), List.of(required("Weekly Widgets", 4, 1))), Instant.now()));

    // the weaker case's weekly timer fires first
    Job weeklyTimer =
        managementService.createJobQuery().processInstanceId(weakerCase.getId())
            .activityId(HiringPipeline.TIMER_TALENT_POOL_REMATCH).singleResult();
    managementService.executeJob(weeklyTimer.getId());
    runDueJobs(weakerCase);

    assertThat(runtimeService.getVariable(weakerCase.getId(), HiringPipeline.VAR_MATCH_FOUND))
        .as("the only position went to the better candidate in the stable placement")
        .isEqualTo(false);
    assertThat(taskService.createTaskQuery().processInstanceId(weakerCase.getId()).count()).isZero();

    // the better case was woken by that run and takes its assigned opening
    runDueJobs(betterCase);
    Task review = taskService.createTaskQuery().processInstanceId(betterCase.getId()).singleResult();
    assertThat(review).isNotNull();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(HiringPipeline.TASK_EMPLOYER_REVIEW);
    assertThat(runtimeService.getVariable(betterCase.getId(), HiringPipeline.VAR_OPENING_ID)).isEqualTo(opening.getId());
    assertThat(taskService.getIdentityLinksForTask(review.getId()))
        .extracting(IdentityLink::getGroupId)
        .contains("employer-pool-weekly-co");
    long proposalId = (Long) runtimeService.getVariable(betterCase.getId(), HiringPipeline.VAR_MATCH_PROPOSAL_ID);
    assertThat(proposals.findById(proposalId).orElseThrow().getExplanation()).contains("cohort run");
  }
}
