package org.racetoplace.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.racetoplace.matching.OpeningSkill.preferred;
import static org.racetoplace.matching.OpeningSkill.required;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
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
import org.racetoplace.platform.demo.DemoEmployers;
import org.racetoplace.platform.identity.HiringGroups;
import org.racetoplace.platform.web.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Match stage's beans inside the engine and on the real schema, driven by a test-only model
 * that calls them as {@code Stage_Match} does (find matches, employer review with its timeout,
 * employer decision, placement, the talent pool waiting for {@code OpeningPosted}).
 *
 * <p>All tests share one database. Each gives its candidates and openings a skill of its own
 * ({@code skill-<n>}), so no test's openings qualify for another test's candidates.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      // the REST API needs a servlet container; these tests are about the engine
      "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
      "camunda.bpm.job-execution.enabled=false",
      // no demo data
      "spring.profiles.active=matching-test",
      "hiring.admin.password=matching-test"
    })
class MatchStageTest {

  private static final String PROCESS = "match-stage-test";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static Path noModels;

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired EmployerPartners employerPartners;
  @Autowired EmployerPartnerRepository partnerRecords;
  @Autowired JobOpenings jobOpenings;
  @Autowired JobOpeningRepository openings;
  @Autowired MatchProposalRepository proposals;
  @Autowired PlacementRepository placements;
  @Autowired MatchingService matching;
  @Autowired ProposalDecisions decisions;
  @Autowired PlacementService placementService;
  @Autowired CommunityRepository communities;
  @Autowired CandidateRepository candidates;
  @Autowired ApplicationRepository applications;
  @Autowired PlatformTransactionManager transactionManager;

  /** The real model is not under test here: the engine starts with empty model folders. */
  @DynamicPropertySource
  static void emptyModelFolders(DynamicPropertyRegistry registry) throws IOException {
    noModels = Files.createTempDirectory("match-stage-test");
    registry.add("hiring.models.processes-dir", noModels::toString);
    registry.add("hiring.models.forms-dir", noModels::toString);
  }

  @AfterAll
  static void removeFolder() throws IOException {
    Files.deleteIfExists(noModels);
  }

  // --- the test model -----------------------------------------------------------------------

  private static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .exclusiveGateway("Gateway_JoinMatching")
        .serviceTask(HiringPipeline.TASK_FIND_MATCHES)
        .camundaDelegateExpression("${findMatchesDelegate}")
        .exclusiveGateway(HiringPipeline.GATEWAY_MATCH_FOUND)
        .condition("found", "${matchFound}")
        .userTask(HiringPipeline.TASK_EMPLOYER_REVIEW)
        .camundaCandidateGroups("${employerGroup}")
        .camundaTaskListenerDelegateExpression("create", "${matchExplanations}")
        .camundaTaskListenerDelegateExpression("complete", "${employerReviews}")
        .exclusiveGateway("Gateway_EmployerInterested")
        .condition("invite", "${employerDecision == 'invite'}")
        .userTask(HiringPipeline.TASK_EMPLOYER_DECISION)
        .camundaCandidateGroups("${employerGroup}")
        .camundaTaskListenerDelegateExpression("create", "${matchExplanations}")
        .camundaTaskListenerDelegateExpression("complete", "${hiringDecisions}")
        .exclusiveGateway("Gateway_EmployerHires")
        .condition("hire", "${hiringDecision == 'hire'}")
        .userTask(HiringPipeline.TASK_CONFIRM_PLACEMENT)
        .camundaCandidateGroups("staff")
        .camundaTaskListenerDelegateExpression("create", "${matchExplanations}")
        .camundaTaskListenerDelegateExpression("complete", "${placements}")
        .endEvent(HiringPipeline.END_PLACED)
        .moveToNode("Gateway_EmployerHires")
        .condition("decline", "${hiringDecision == 'decline'}")
        .connectTo("Gateway_JoinMatching")
        .moveToNode("Gateway_EmployerInterested")
        .condition("decline", "${employerDecision == 'decline'}")
        .connectTo("Gateway_JoinMatching")
        .moveToNode(HiringPipeline.GATEWAY_MATCH_FOUND)
        .condition("not found", "${!matchFound}")
        .intermediateCatchEvent(HiringPipeline.EVENT_OPENING_POSTED)
        .message(HiringPipeline.MESSAGE_OPENING_POSTED)
        .connectTo("Gateway_JoinMatching")
        .moveToActivity(HiringPipeline.TASK_EMPLOYER_REVIEW)
        .boundaryEvent(HiringPipeline.TIMER_EMPLOYER_REVIEW_TIMEOUT)
        .timerWithDuration("P10D")
        .serviceTask(HiringPipeline.TASK_EXPIRE_PROPOSAL)
        .camundaExpression("${matchProposals.expire(execution)}")
        .connectTo("Gateway_JoinMatching")
        .done();
  }

  private void deployModelOnce() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", model()).deploy();
    }
  }

  // --- data ---------------------------------------------------------------------------------

  /** A skill no other test uses. */
  private static String uniqueSkill() {
    return "skill-" + SEQUENCE.incrementAndGet();
  }

  private EmployerPartner partner(String name) {
    return employerPartners.register(
        HiringGroups.slug(name + " " + SEQUENCE.incrementAndGet()), name, "jobs@example.org");
  }

  private JobOpening post(EmployerPartner employer, String title, String community, boolean remote, int positions, OpeningSkill... skills) {
    return jobOpenings.post(
        new NewOpening(employer.getSlug(), title, community, remote, positions, List.of("Java"), List.of(skills)));
  }

  /**
   * An application of the community with the given skills, as intake stores it (no case). No
   * preferred language: the demo openings, which ask for languages, must not qualify.
   */
  private String application(String communityId, Skill... skills) {
    return new TransactionTemplate(transactionManager)
        .execute(
            status -> {
              Instant now = Instant.now();
              int n = SEQUENCE.incrementAndGet();
              Community community = communities.findById(communityId).orElseThrow();
              Candidate candidate = new Candidate(community, "match-" + n + "@example.org", now);
              candidate.updateDetails("Test", "Candidate " + n, null, now);
              candidate = candidates.saveAndFlush(candidate);
              Application application =
                  new Application("MT-" + n, candidate, RoleTrack.SOFTWARE_ENGINEER, "0".repeat(64), now);
              for (Skill skill : skills) {
                application.addSkill(skill);
              }
              return applications.saveAndFlush(application).getReference();
            });
  }

  private ProcessInstance startCase(String reference) {
    return startCase(reference, Map.of());
  }

  private ProcessInstance startCase(String reference, Map<String, Object> variables) {
    deployModelOnce();
    Map<String, Object> all = new HashMap<>(variables);
    all.put(HiringPipeline.VAR_APPLICATION_REFERENCE, reference);
    return runtimeService.startProcessInstanceByKey(PROCESS, reference, all);
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private Object variable(ProcessInstance instance, String name) {
    return runtimeService.getVariable(instance.getId(), name);
  }

  private MatchProposal proposal(long id) {
    return proposals.findById(id).orElseThrow();
  }

  private JobOpening opening(long id) {
    return openings.findById(id).orElseThrow();
  }

  private static Map<String, Object> form(Object... keysAndValues) {
    Map<String, Object> form = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      form.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return form;
  }

  /**
   * The engine wraps what a task listener throws (ENGINE-03051); the form validation error must be
   * in the chain, and its message in the wrapper's.
   */
  private static void refusedByFormValidation(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof FormFieldValidationException) {
        return;
      }
    }
    throw new AssertionError("No FormFieldValidationException in the causes of " + thrown, thrown);
  }

  private static String inTwoWeeks() {
    return LocalDate.now(ZoneId.of("America/Chicago")).plusDays(14).toString();
  }

  // --- tests --------------------------------------------------------------------------------

  @Test
  void findMatchesProposesTheBestOpeningAndTellsTheCaseItsIdsAndEmployerGroup() {
    String skill = uniqueSkill();
    EmployerPartner partner = partner("Magic City Test Works");
    JobOpening weaker = post(partner, "Junior developer", "birmingham", false, 1, required(skill, 2, 1), preferred("Kotlin", 2, 1));
    JobOpening better = post(partner, "Java developer", "birmingham", false, 1, required(skill, 2, 1), preferred("Git", 2, 1));
    String reference = application("birmingham", new Skill(skill, 3), new Skill("Git", 2));

    ProcessInstance instance = startCase(reference);

    Task review = task(instance);
    assertThat(review.getTaskDefinitionKey()).isEqualTo(HiringPipeline.TASK_EMPLOYER_REVIEW);
    assertThat(variable(instance, HiringPipeline.VAR_MATCH_FOUND)).isEqualTo(true);
    Object proposalId = variable(instance, HiringPipeline.VAR_MATCH_PROPOSAL_ID);
    assertThat(proposalId).isInstanceOf(Long.class);
    assertThat(variable(instance, HiringPipeline.VAR_OPENING_ID)).isEqualTo(better.getId());
    assertThat(variable(instance, HiringPipeline.VAR_EMPLOYER_GROUP)).isEqualTo("employer-" + partner.getSlug());
    assertThat(taskService.getIdentityLinksForTask(review.getId()))
        .extracting(IdentityLink::getGroupId)
        .contains("employer-" + partner.getSlug());
    assertThat(identityService.createGroupQuery().groupId("employer-" + partner.getSlug()).count())
        .as("registering the partner created its Tasklist group")
        .isEqualTo(1);

    MatchProposal proposal = proposal((Long) proposalId);
    assertThat(proposal.getStatus()).isEqualTo(ProposalStatus.PROPOSED);
    assertThat(proposal.getScore()).isEqualByComparingTo("56.0");
    assertThat(proposals.findOpeningIdsByApplicationId(proposal.getApplication().getId()))
        .containsExactly(better.getId())
        .doesNotContain(weaker.getId());

    Object explanation = taskService.getVariableLocal(review.getId(), HiringPipeline.VAR_MATCH_EXPLANATION);
    assertThat(explanation)
        .asString()
        // self-reported skills earn 0.6 of their worth (45/75, 6/10), the home community 5, no interview 0
        .startsWith("Java developer at Magic City Test Works\nBirmingham, AL · Java\nMatch score: 56/100")
        .contains("- " + skill + ": required level 2, weight 1 — held at level 3, self-reported (self-rated 3) → 45/75")
        .contains("- Git: preferred level 2, weight 1 — held at level 2, self-reported (self-rated 2) → 6/10");
    assertThat(runtimeService.getVariable(instance.getId(), HiringPipeline.VAR_MATCH_EXPLANATION))
        .as("task-local only")
        .isNull();
  }

  @Test
  void withoutAMatchTheCaseWaitsWithoutStaleIdsAndAPostedOpeningWakesIt() {
    String skill = uniqueSkill();
    String reference = application("akron", new Skill(skill, 4));

    ProcessInstance instance =
        startCase(
            reference,
            Map.of(
                HiringPipeline.VAR_MATCH_PROPOSAL_ID, 999L,
                HiringPipeline.VAR_OPENING_ID, 998L,
                HiringPipeline.VAR_EMPLOYER_GROUP, "employer-gone"));

    assertThat(runtimeService.getActiveActivityIds(instance.getId())).containsExactly(HiringPipeline.EVENT_OPENING_POSTED);
    assertThat(variable(instance, HiringPipeline.VAR_MATCH_FOUND)).isEqualTo(false);
    assertThat(runtimeService.getVariables(instance.getId()))
        .doesNotContainKeys(
            HiringPipeline.VAR_MATCH_PROPOSAL_ID, HiringPipeline.VAR_OPENING_ID, HiringPipeline.VAR_EMPLOYER_GROUP);

    EmployerPartner partner = partner("Remote First Test");
    JobOpening posted = post(partner, "Remote developer", "seattle", true, 2, required(skill, 3, 1));

    Task review = task(instance);
    assertThat(review).as("the posted opening woke the case and it was proposed").isNotNull();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(HiringPipeline.TASK_EMPLOYER_REVIEW);
    assertThat(variable(instance, HiringPipeline.VAR_OPENING_ID)).isEqualTo(posted.getId());
    assertThat(variable(instance, HiringPipeline.VAR_EMPLOYER_GROUP)).isEqualTo("employer-" + partner.getSlug());

    // nobody waits now (other tests' waiting cases qualify for nothing here): no failure
    JobOpening another = post(partner, "Another remote developer", "seattle", true, 1, required(uniqueSkill(), 1, 1));
    assertThat(another.getStatus()).isEqualTo(OpeningStatus.OPEN);
  }

  @Test
  void aDeclineWithoutReasonIsRefusedChangingNothingAndAReasonedDeclineIsStoredAndLeavesTheCase() {
    String skill = uniqueSkill();
    EmployerPartner partner = partner("Decline Test Partner");
    JobOpening first = post(partner, "First opening", "atlanta", false, 1, required(skill, 2, 2), preferred("SQL", 2, 1));
    JobOpening second = post(partner, "Second opening", "atlanta", false, 1, required(skill, 2, 1));
    String reference = application("atlanta", new Skill(skill, 2), new Skill("SQL", 3));
    ProcessInstance instance = startCase(reference);
    Task review = task(instance);
    long proposalId = (Long) variable(instance, HiringPipeline.VAR_MATCH_PROPOSAL_ID);
    assertThat(proposal(proposalId).getOpening().getId()).isEqualTo(first.getId());
    taskService.claim(review.getId(), "emery");

    assertThatThrownBy(() -> taskService.complete(review.getId(), form("employerDecision", "decline")))
        .satisfies(MatchStageTest::refusedByFormValidation)
        .hasMessageContaining("declineReason is required to decline");
    assertThatThrownBy(() -> taskService.complete(review.getId(), form("employerDecision", "maybe", "declineReason", " ")))
        .satisfies(MatchStageTest::refusedByFormValidation)
        .hasMessageContaining("employerDecision must be 'invite' or 'decline', was 'maybe'");
    assertThatThrownBy(
            () -> taskService.complete(review.getId(), form("employerDecision", "decline", "declineReason", "x".repeat(2001))))
        .satisfies(MatchStageTest::refusedByFormValidation)
        .hasMessageContaining("at most 2000 characters, has 2001");

    assertThat(task(instance).getId()).as("the task is still open").isEqualTo(review.getId());
    MatchProposal untouched = proposal(proposalId);
    assertThat(untouched.getStatus()).isEqualTo(ProposalStatus.PROPOSED);
    assertThat(untouched.getDeclineReason()).isNull();
    assertThat(untouched.getDecidedBy()).isNull();
    assertThat(runtimeService.getVariables(instance.getId()))
        .doesNotContainKeys(HiringPipeline.VAR_DECLINE_REASON, HiringPipeline.VAR_EMPLOYER_DECISION);

    taskService.complete(
        review.getId(), form("employerDecision", "decline", "declineReason", "  We need someone with more SQL.  "));

    MatchProposal declined = proposal(proposalId);
    assertThat(declined.getStatus()).isEqualTo(ProposalStatus.DECLINED);
    assertThat(declined.getDeclineReason()).isEqualTo("We need someone with more SQL.");
    assertThat(declined.getDecidedBy()).isEqualTo("emery");
    assertThat(declined.getDecidedAt()).isNotNull();
    assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey(HiringPipeline.VAR_DECLINE_REASON);
    // back to Find matches: the next opening, never the declined one again
    assertThat(variable(instance, HiringPipeline.VAR_OPENING_ID)).isEqualTo(second.getId());
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(HiringPipeline.TASK_EMPLOYER_REVIEW);
  }

  @Test
  void aReviewOfAProposalThatIsNoLongerProposedIsRefused() {
    String skill = uniqueSkill();
    post(partner("Stale Review Partner"), "Opening", "hawaii", false, 1, required(skill, 1, 1));
    ProcessInstance instance = startCase(application("hawaii", new Skill(skill, 1)));
    long proposalId = (Long) variable(instance, HiringPipeline.VAR_MATCH_PROPOSAL_ID);
    decisions.closeOpen(instance.getBusinessKey());

    Task review = task(instance);
    assertThatThrownBy(() -> taskService.complete(review.getId(), form("employerDecision", "invite")))
        .satisfies(MatchStageTest::refusedByFormValidation)
        .hasMessageContaining("Match proposal " + proposalId + " is CLOSED")
        .hasMessageContaining("PROPOSED");
    assertThat(proposal(proposalId).getStatus()).isEqualTo(ProposalStatus.CLOSED);
  }

  @Test
  void inviteHireAndConfirmPlaceTheCaseFillTheOpeningAndCloseTheCasesOtherProposals() {
    String skill = uniqueSkill();
    EmployerPartner partner = partner("Placement Test Partner");
    JobOpening opening = post(partner, "Web developer", "birmingham", false, 1, required(skill, 2, 1));
    String reference = application("birmingham", new Skill(skill, 3));
    ProcessInstance instance = startCase(reference);
    long proposalId = (Long) variable(instance, HiringPipeline.VAR_MATCH_PROPOSAL_ID);
    // a second proposal of the same case left open elsewhere (e.g. made by hand)
    JobOpening other = post(partner, "Other opening", "birmingham", false, 1, required(skill, 2, 1));
    long otherProposalId =
        matching.findNext(reference).orElseThrow().proposalId();
    assertThat(proposal(otherProposalId).getOpening().getId()).isEqualTo(other.getId());

    taskService.complete(task(instance).getId(), form("employerDecision", "invite"));
    assertThat(proposal(proposalId).getStatus()).isEqualTo(ProposalStatus.INVITED);
    Task decision = task(instance);
    assertThat(decision.getTaskDefinitionKey()).isEqualTo(HiringPipeline.TASK_EMPLOYER_DECISION);
    assertThat(taskService.getVariableLocal(decision.getId(), HiringPipeline.VAR_MATCH_EXPLANATION))
        .asString()
        .startsWith("Web developer at Placement Test Partner");

    assertThatThrownBy(() -> taskService.complete(decision.getId(), form("hiringDecision", "decline")))
        .satisfies(MatchStageTest::refusedByFormValidation)
        .hasMessageContaining("declineReason is required");
    taskService.claim(decision.getId(), "emery");
    taskService.complete(decision.getId(), form("hiringDecision", "hire"));
    assertThat(proposal(proposalId).getStatus()).as("hire waits for staff").isEqualTo(ProposalStatus.INVITED);
    assertThat(proposal(proposalId).getDecidedBy()).isEqualTo("emery");

    Task confirm = task(instance);
    assertThat(confirm.getTaskDefinitionKey()).isEqualTo(HiringPipeline.TASK_CONFIRM_PLACEMENT);
    assertThatThrownBy(() -> taskService.complete(confirm.getId(), form()))
        .satisfies(MatchStageTest::refusedByFormValidation)
        .hasMessageContaining("placementStartDate is required");
    assertThatThrownBy(() -> taskService.complete(confirm.getId(), form("placementStartDate", "next monday")))
        .satisfies(MatchStageTest::refusedByFormValidation)
        .hasMessageContaining("yyyy-MM-dd");
    String tooLate = LocalDate.now().plusYears(2).toString();
    assertThatThrownBy(() -> taskService.complete(confirm.getId(), form("placementStartDate", tooLate)))
        .satisfies(MatchStageTest::refusedByFormValidation)
        .hasMessageContaining("at most a year ahead");
    assertThat(placements.findByApplicationId(proposal(proposalId).getApplication().getId())).isEmpty();
    assertThat(opening(opening.getId()).getFilled()).isZero();

    taskService.claim(confirm.getId(), "staff");
    taskService.complete(confirm.getId(), form("placementStartDate", inTwoWeeks()));

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .as("the case reached " + HiringPipeline.END_PLACED)
        .isZero();
    MatchProposal hired = proposal(proposalId);
    assertThat(hired.getStatus()).isEqualTo(ProposalStatus.HIRED);
    Placement placement = placements.findByApplicationId(hired.getApplication().getId()).orElseThrow();
    assertThat(placement.getStartDate()).isEqualTo(LocalDate.parse(inTwoWeeks()));
    assertThat(placement.getConfirmedBy()).isEqualTo("staff");
    JobOpening filled = opening(opening.getId());
    assertThat(filled.getFilled()).isEqualTo(1);
    assertThat(filled.getStatus()).isEqualTo(OpeningStatus.FILLED);
    assertThat(proposal(otherProposalId).getStatus()).isEqualTo(ProposalStatus.CLOSED);
    assertThat(opening(other.getId()).getFilled()).isZero();
  }

  @Test
  void aPlacementIntoAFullOpeningIsRefusedAndStoresNothing() {
    String skill = uniqueSkill();
    JobOpening opening = post(partner("Full Opening Partner"), "Last seat", "rhode-island", false, 1, required(skill, 1, 1));
    ProcessInstance first = startCase(application("rhode-island", new Skill(skill, 2)));
    ProcessInstance second = startCase(application("rhode-island", new Skill(skill, 2)));
    long secondProposal = (Long) variable(second, HiringPipeline.VAR_MATCH_PROPOSAL_ID);
    for (ProcessInstance instance : List.of(first, second)) {
      taskService.complete(task(instance).getId(), form("employerDecision", "invite"));
      taskService.complete(task(instance).getId(), form("hiringDecision", "hire"));
    }

    taskService.complete(task(first).getId(), form("placementStartDate", inTwoWeeks()));
    Task confirmSecond = task(second);
    assertThatThrownBy(() -> taskService.complete(confirmSecond.getId(), form("placementStartDate", inTwoWeeks())))
        .satisfies(MatchStageTest::refusedByFormValidation)
        .hasMessageContaining("'Last seat' has no position left (1 of 1 filled, FILLED)");

    assertThat(task(second).getId()).isEqualTo(confirmSecond.getId());
    assertThat(proposal(secondProposal).getStatus()).isEqualTo(ProposalStatus.INVITED);
    assertThat(placements.findByApplicationId(proposal(secondProposal).getApplication().getId())).isEmpty();
    assertThat(opening(opening.getId()).getFilled()).isEqualTo(1);
    assertThat(placements.countByOpeningId(opening.getId())).isEqualTo(1);
  }

  @Test
  void ofTwoPlacementsRacingForTheLastPositionTheSecondFindsItTaken() {
    String skill = uniqueSkill();
    JobOpening opening = post(partner("Race Partner"), "Race seat", "seattle", false, 1, required(skill, 1, 1));
    long winner = invitedAndHired(application("seattle", new Skill(skill, 1)));
    long loser = invitedAndHired(application("seattle", new Skill(skill, 1)));
    TransactionTemplate outer = new TransactionTemplate(transactionManager);
    TransactionTemplate separate = new TransactionTemplate(transactionManager);
    separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    LocalDate start = LocalDate.parse(inTwoWeeks());

    assertThatThrownBy(
            () ->
                outer.executeWithoutResult(
                    status -> {
                      // the loser's transaction has read the opening with a position left …
                      assertThat(openings.findById(opening.getId()).orElseThrow().hasPositionLeft()).isTrue();
                      // … when the winner's placement commits; the loser reads the opening afresh
                      separate.executeWithoutResult(inner -> placementService.confirm(winner, start, "staff"));
                      placementService.confirm(loser, start, "staff");
                    }))
        .isInstanceOf(DecisionRefusedException.class)
        .hasMessageContaining("'Race seat' has no position left (1 of 1 filled, FILLED)");

    JobOpening after = opening(opening.getId());
    assertThat(after.getFilled()).isEqualTo(1);
    assertThat(after.getStatus()).isEqualTo(OpeningStatus.FILLED);
    assertThat(proposal(winner).getStatus()).isEqualTo(ProposalStatus.HIRED);
    assertThat(proposal(loser).getStatus()).isEqualTo(ProposalStatus.INVITED);
    assertThat(placements.countByOpeningId(opening.getId())).isEqualTo(1);
  }

  private long invitedAndHired(String reference) {
    long proposalId = matching.findNext(reference).orElseThrow().proposalId();
    decisions.invite(proposalId, "emery");
    decisions.hire(proposalId, "emery");
    return proposalId;
  }

  @Test
  void twoPlacementsIntoOneOpeningAtTheSameMomentTakeTurnsAndBothSucceed() throws Exception {
    String skill = uniqueSkill();
    JobOpening opening = post(partner("Turns Partner"), "Two seats", "akron", false, 2, required(skill, 1, 1));
    long first = invitedAndHired(application("akron", new Skill(skill, 1)));
    long second = invitedAndHired(application("akron", new Skill(skill, 1)));
    LocalDate start = LocalDate.parse(inTwoWeeks());
    CountDownLatch firstPlaced = new CountDownLatch(1);
    CountDownLatch firstMayCommit = new CountDownLatch(1);
    ExecutorService staff = Executors.newFixedThreadPool(2);
    try {
      Future<?> firstConfirmation =
          staff.submit(
              () ->
                  new TransactionTemplate(transactionManager)
                      .executeWithoutResult(
                          status -> {
                            placementService.confirm(first, start, "staff");
                            firstPlaced.countDown();
                            await(firstMayCommit);
                          }));
      assertThat(firstPlaced.await(30, TimeUnit.SECONDS)).isTrue();
      // the second confirmation starts while the first holds the opening, uncommitted
      Future<Placement> secondConfirmation =
          staff.submit(
              () ->
                  new TransactionTemplate(transactionManager)
                      .execute(status -> placementService.confirm(second, start, "staff")));
      Thread.sleep(300);
      assertThat(secondConfirmation).as("waits for the first placement's commit").isNotDone();
      firstMayCommit.countDown();
      firstConfirmation.get(30, TimeUnit.SECONDS);
      assertThat(secondConfirmation.get(30, TimeUnit.SECONDS).getOpening().getId()).isEqualTo(opening.getId());
    } finally {
      firstMayCommit.countDown();
      staff.shutdownNow();
    }

    JobOpening after = opening(opening.getId());
    assertThat(after.getFilled()).isEqualTo(2);
    assertThat(after.getStatus()).isEqualTo(OpeningStatus.FILLED);
    assertThat(proposal(first).getStatus()).isEqualTo(ProposalStatus.HIRED);
    assertThat(proposal(second).getStatus()).isEqualTo(ProposalStatus.HIRED);
    assertThat(placements.countByOpeningId(opening.getId())).isEqualTo(2);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anUnansweredReviewExpiresAndTheNextOpeningIsProposed() {
    String skill = uniqueSkill();
    EmployerPartner partner = partner("Slow Partner");
    JobOpening first = post(partner, "Preferred match", "akron", false, 1, required(skill, 1, 1), preferred("Git", 1, 1));
    JobOpening second = post(partner, "Remote match", "hawaii", true, 1, required(skill, 1, 1));
    String reference = application("akron", new Skill(skill, 2), new Skill("git", 1));
    ProcessInstance instance = startCase(reference);
    long firstProposal = (Long) variable(instance, HiringPipeline.VAR_MATCH_PROPOSAL_ID);
    assertThat(variable(instance, HiringPipeline.VAR_OPENING_ID)).isEqualTo(first.getId());

    Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    managementService.executeJob(timer.getId());

    assertThat(proposal(firstProposal).getStatus()).isEqualTo(ProposalStatus.EXPIRED);
    assertThat(proposal(firstProposal).getDecidedAt()).isNotNull();
    assertThat(variable(instance, HiringPipeline.VAR_OPENING_ID)).isEqualTo(second.getId());
    long secondProposal = (Long) variable(instance, HiringPipeline.VAR_MATCH_PROPOSAL_ID);
    assertThat(secondProposal).isNotEqualTo(firstProposal);
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(HiringPipeline.TASK_EMPLOYER_REVIEW);

    // the case ends elsewhere (withdrawal): the open proposal is closed
    assertThat(decisions.closeOpen(reference)).isEqualTo(1);
    assertThat(proposal(secondProposal).getStatus()).isEqualTo(ProposalStatus.CLOSED);
    assertThat(proposal(firstProposal).getStatus()).isEqualTo(ProposalStatus.EXPIRED);
  }

  @Test
  void aBadOpeningIsRefusedListingEveryProblemAndABadPartnerToo() {
    assertThatThrownBy(
            () ->
                jobOpenings.post(
                    new NewOpening(
                        "no-such-partner",
                        " ",
                        "atlantis",
                        false,
                        0,
                        List.of("Cobol"),
                        List.of(preferred("Git", 6, 0), preferred("git", 2, 1)))))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.getErrors())
                    .extracting(p -> p.field())
                    .containsExactlyInAnyOrder(
                        "employer",
                        "community",
                        "title",
                        "positions",
                        "languages",
                        "skills",
                        "skills[0].minLevel",
                        "skills[0].weight",
                        "skills[1].name"));

    EmployerPartner taken = partner("Taken Name");
    assertThatThrownBy(() -> employerPartners.register(taken.getSlug(), "Another", null))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getErrors()).extracting(p -> p.message()).anyMatch(m -> m.contains("is taken")));
    assertThatThrownBy(() -> employerPartners.register("Not A Slug", "", "nope"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getErrors()).extracting(p -> p.field()).containsExactly("slug", "name", "contactEmail"));
  }

  @Test
  void theDemoPartnersCoverEveryCommunityAndAreSeededOnlyIntoADatabaseWithoutPartners() {
    EmployerPartnerRepository noPartnersYet = mock(EmployerPartnerRepository.class);
    when(noPartnersYet.count()).thenReturn(0L);

    new DemoEmployers(employerPartners, noPartnersYet, jobOpenings).apply();

    EmployerPartner magicCity = partnerRecords.findBySlug("magic-city-software").orElseThrow();
    assertThat(magicCity.getName()).isEqualTo("Magic City Software");
    assertThat(identityService.createGroupQuery().groupId("employer-magic-city-software").count()).isEqualTo(1);
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              List<JobOpening> demoOpenings =
                  openings.findAll().stream()
                      .filter(opening -> opening.getEmployer().getContactEmail().endsWith(".example.org"))
                      .toList();
              assertThat(demoOpenings.stream().map(opening -> opening.getEmployer().getSlug()).distinct())
                  .hasSize(7);
              assertThat(demoOpenings.stream().map(opening -> opening.getCommunity().getId()).distinct())
                  .containsExactlyInAnyOrder("birmingham", "atlanta", "akron", "seattle", "hawaii", "rhode-island");
              assertThat(demoOpenings)
                  .anyMatch(JobOpening::isRemoteAllowed)
                  .allMatch(JobOpening::isAvailable)
                  .allMatch(opening -> opening.getPositions() >= 1 && opening.getPositions() <= 3);
            });

    long partnersBefore = partnerRecords.count();
    new DemoEmployers(employerPartners, partnerRecords, jobOpenings).apply();
    assertThat(partnerRecords.count()).as("a restart adds none").isEqualTo(partnersBefore);
  }

  @Test
  void reopeningAPausedOpeningProposesItAgain() {
    String skill = uniqueSkill();
    JobOpening opening = post(partner("Pausing Partner"), "Paused role", "atlanta", false, 1, required(skill, 1, 1));
    jobOpenings.pause(opening.getId());
    ProcessInstance instance = startCase(application("atlanta", new Skill(skill, 1)));
    assertThat(runtimeService.getActiveActivityIds(instance.getId())).containsExactly(HiringPipeline.EVENT_OPENING_POSTED);

    jobOpenings.reopen(opening.getId());

    assertThat(variable(instance, HiringPipeline.VAR_OPENING_ID)).isEqualTo(opening.getId());
    assertThat(opening(opening.getId()).getStatus()).isEqualTo(OpeningStatus.OPEN);
  }

  /** How often the case has looked for a match: once more every time it is woken. */
  private long findMatchesRuns(ProcessInstance instance) {
    return historyService
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId())
        .activityId(HiringPipeline.TASK_FIND_MATCHES)
        .count();
  }

  private JobOpening edit(JobOpening opening, String title, int positions, OpeningSkill... skills) {
    return jobOpenings.edit(
        opening.getId(),
        new NewOpening(null, title, opening.getCommunity().getId(), opening.isRemoteAllowed(), positions, List.of("Java"), List.of(skills)),
        JobOpenings.SKILL_FIELDS);
  }

  @Test
  void anEditThatMaySuitMoreCasesWakesTheTalentPoolAndOtherEditsDoNot() {
    String skill = uniqueSkill();
    String other = uniqueSkill();
    JobOpening opening = post(partner("Editing Partner"), "Backend developer", "seattle", false, 1, required(other, 1, 1));
    ProcessInstance instance = startCase(application("seattle", new Skill(skill, 3)));
    assertThat(runtimeService.getActiveActivityIds(instance.getId())).containsExactly(HiringPipeline.EVENT_OPENING_POSTED);
    long searches = findMatchesRuns(instance);

    edit(opening, "Senior backend developer", 1, required(other, 1, 1));
    assertThat(findMatchesRuns(instance)).as("a new title suits nobody new: nobody is woken").isEqualTo(searches);
    jobOpenings.pause(opening.getId());
    edit(opening, "Senior backend developer", 2, required(skill, 2, 1));
    assertThat(findMatchesRuns(instance)).as("a paused opening is proposed to nobody: nobody is woken").isEqualTo(searches);
    assertThat(runtimeService.getActiveActivityIds(instance.getId())).containsExactly(HiringPipeline.EVENT_OPENING_POSTED);

    jobOpenings.reopen(opening.getId());

    assertThat(variable(instance, HiringPipeline.VAR_OPENING_ID)).isEqualTo(opening.getId());
    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(HiringPipeline.TASK_EMPLOYER_REVIEW);
    JobOpening edited = opening(opening.getId());
    assertThat(edited.getTitle()).isEqualTo("Senior backend developer");
    assertThat(edited.getPositions()).isEqualTo(2);
  }

  @Test
  void editingTheSkillsOfAnOpenOpeningWakesTheCaseItNowSuits() {
    String skill = uniqueSkill();
    JobOpening opening = post(partner("Reskilling Partner"), "Data engineer", "hawaii", false, 1, required(uniqueSkill(), 1, 1));
    ProcessInstance instance = startCase(application("hawaii", new Skill(skill, 3)));
    assertThat(runtimeService.getActiveActivityIds(instance.getId())).containsExactly(HiringPipeline.EVENT_OPENING_POSTED);

    edit(opening, "Data engineer", 1, required(skill, 2, 1));

    assertThat(task(instance).getTaskDefinitionKey()).isEqualTo(HiringPipeline.TASK_EMPLOYER_REVIEW);
    assertThat(variable(instance, HiringPipeline.VAR_OPENING_ID)).isEqualTo(opening.getId());
  }

  @Test
  void anEditKeepsTheEmployerAndNeverLeavesFewerPositionsThanFilled() {
    String skill = uniqueSkill();
    EmployerPartner partner = partner("Positions Partner");
    JobOpening opening = post(partner, "Support engineer", "akron", false, 3, required(skill, 1, 1));
    openings.saveAndFlush(filledOnce(opening.getId()));
    openings.saveAndFlush(filledOnce(opening.getId()));

    assertThatThrownBy(() -> edit(opening, "Support engineer", 1, required(skill, 1, 1)))
        .isInstanceOfSatisfying(
            TooFewPositionsException.class,
            e -> {
              assertThat(e.getStatusCode().value()).isEqualTo(409);
              assertThat(e.getBody().getProperties()).containsEntry("filled", 2).containsEntry("field", "positions");
            });
    assertThat(opening(opening.getId()).getPositions()).isEqualTo(3);
    EmployerPartner another = partner("Another Partner");
    assertThatThrownBy(
            () ->
                jobOpenings.edit(
                    opening.getId(),
                    new NewOpening(another.getSlug(), "Support engineer", "akron", false, 3, List.of(), List.of(required(skill, 1, 1))),
                    JobOpenings.SKILL_FIELDS))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.getErrors()).extracting(p -> p.field()).containsExactly("employer"));
    assertThatThrownBy(() -> edit(opening, " ", 0))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getErrors()).extracting(p -> p.field()).containsExactlyInAnyOrder("title", "positions", "skills"));

    JobOpening filled = edit(opening, "Support engineer", 2, required(skill, 1, 1));

    assertThat(filled.getStatus()).as("as many positions as filled: the opening is filled").isEqualTo(OpeningStatus.FILLED);
    assertThat(filled.getEmployer().getSlug()).isEqualTo(partner.getSlug());
    assertThatThrownBy(() -> jobOpenings.edit(999_999L, new NewOpening(null, "T", "akron", false, 1, List.of(), List.of()), JobOpenings.SKILL_FIELDS))
        .isInstanceOf(OpeningNotFoundException.class);
  }

  /** The opening with one more position filled, as a placement leaves it. */
  private JobOpening filledOnce(long openingId) {
    JobOpening opening = opening(openingId);
    opening.fillOnePosition(Instant.now());
    return opening;
  }
}
