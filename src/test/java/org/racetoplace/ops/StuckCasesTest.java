package org.racetoplace.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.ops.StuckCaseReport.IncidentGroup;
import org.racetoplace.ops.StuckCaseReport.StuckCase;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.racetoplace.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Stuck-case detection against the real pipeline on the engine, with the service's clock injected
 * and moved by hand: a case waiting exactly its target is not stuck, one second more is. Cases
 * begin at {@link #T0}, long before the demo cases of this context, so only a test's own cases can
 * be past target at the instants it looks at; assertions name references all the same.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class StuckCasesTest {

  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(60)).plusSeconds(9 * 3600);

  @Autowired ApplicationContext context;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired CommunityRepository communities;

  private final MutableClock clock = new MutableClock(T0);
  private StuckCases stuckCases;
  private StuckCaseFixtures fixtures;
  private String deploymentId;

  @BeforeEach
  void setUp() {
    stuckCases =
        new StuckCases(taskService, historyService, runtimeService, identityService, communities,
            StuckCaseTargets.defaultTargets(), clock);
    fixtures = new StuckCaseFixtures(context);
  }

  @AfterEach
  void tearDown() {
    identityService.clearAuthentication();
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  private List<StuckCase> at(Instant now, String community, String stage) {
    clock.set(now);
    return stuckCases.report(community, stage).cases();
  }

  private static Optional<StuckCase> find(List<StuckCase> cases, String reference) {
    return cases.stream().filter(c -> reference.equals(c.reference())).findFirst();
  }

  private static List<String> references(List<StuckCase> cases) {
    return cases.stream().map(StuckCase::reference).toList();
  }

  @Test
  void aVettingTaskIsStuckOneSecondAfterItsFiveDayTargetNotBefore() {
    Instant since = T0.plus(Duration.ofHours(1));
    StuckCaseFixtures.Case vetting = fixtures.waitingAt(HiringPipeline.TASK_VET_CANDIDATE, "birmingham", since);
    Instant due = since.plus(Duration.ofDays(5));

    assertThat(references(at(due.minusSeconds(1), null, null))).doesNotContain(vetting.reference());
    assertThat(references(at(due, null, null))).as("exactly at target").doesNotContain(vetting.reference());
    StuckCase stuck = find(at(due.plusSeconds(1), null, null), vetting.reference()).orElseThrow();

    String taskId =
        taskService.createTaskQuery().processInstanceId(vetting.processInstanceId()).singleResult().getId();
    assertThat(stuck.community()).isEqualTo("birmingham");
    assertThat(stuck.stage()).isEqualTo("Stage_Vet");
    assertThat(stuck.stageName()).isEqualTo("Vet");
    assertThat(stuck.activityId()).isEqualTo("Task_VetCandidate");
    assertThat(stuck.activityName()).isEqualTo("Vet candidate");
    assertThat(stuck.kind()).isEqualTo(WatchedActivity.Kind.TASK);
    assertThat(stuck.waitingSince()).isEqualTo(since);
    assertThat(stuck.target()).isEqualTo("P5D");
    assertThat(stuck.overdueBy()).isEqualTo("PT1S");
    assertThat(stuck.assignee()).isNull();
    assertThat(stuck.candidateGroups()).containsExactly("vetters-birmingham");
    assertThat(stuck.openIncidents()).isZero();
    assertThat(stuck.processInstanceId()).isEqualTo(vetting.processInstanceId());
    assertThat(stuck.taskId()).isEqualTo(taskId);
    assertThat(stuck.links().cockpit())
        .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + vetting.processInstanceId());
    assertThat(stuck.links().tasklist()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + taskId);

    // an assigned task names its assignee instead of groups; an open incident is counted
    taskService.setAssignee(taskId, "vetter-birmingham");
    String executionId = runtimeService.createExecutionQuery().processInstanceId(vetting.processInstanceId())
        .activityId(HiringPipeline.TASK_VET_CANDIDATE).singleResult().getId();
    runtimeService.createIncident("ops-test", executionId, "configuration", "looked at by the ops test");
    StuckCase later = find(at(due.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)), null, null), vetting.reference()).orElseThrow();
    assertThat(later.assignee()).isEqualTo("vetter-birmingham");
    assertThat(later.candidateGroups()).isEmpty();
    assertThat(later.openIncidents()).isEqualTo(1);
    assertThat(later.overdueBy()).isEqualTo("P1DT2H");
  }

  @Test
  void aCaseAwaitingTheAssessmentIsStuckOneSecondAfterItsSevenDayTarget() {
    Instant since = T0.plus(Duration.ofHours(2));
    StuckCaseFixtures.Case waiting = fixtures.waitingAt(HiringPipeline.TASK_AWAIT_ASSESSMENT, "atlanta", since);
    Instant due = since.plus(Duration.ofDays(7));

    assertThat(references(at(due.minusSeconds(1), null, null))).doesNotContain(waiting.reference());
    assertThat(references(at(due, null, null))).doesNotContain(waiting.reference());
    StuckCase stuck = find(at(due.plusSeconds(1), null, null), waiting.reference()).orElseThrow();

    assertThat(stuck.community()).isEqualTo("atlanta");
    assertThat(stuck.stage()).isEqualTo("Stage_Assess");
    assertThat(stuck.activityId()).isEqualTo("Task_AwaitAssessment");
    assertThat(stuck.kind()).isEqualTo(WatchedActivity.Kind.WAIT);
    assertThat(stuck.waitingSince()).isEqualTo(since);
    assertThat(stuck.target()).isEqualTo("P7D");
    assertThat(stuck.overdueBy()).isEqualTo("PT1S");
    assertThat(stuck.assignee()).isNull();
    assertThat(stuck.candidateGroups()).isEmpty();
    assertThat(stuck.taskId()).isNull();
    assertThat(stuck.links().tasklist()).isNull();
    assertThat(stuck.links().cockpit()).endsWith("/process-instance/" + waiting.processInstanceId());

    // the case moves on: it is no longer listed
    runtimeService.deleteProcessInstance(waiting.processInstanceId(), "ops test");
    assertThat(references(at(due.plusSeconds(1), null, null))).doesNotContain(waiting.reference());
  }

  @Test
  void configuredTargetsApply() {
    Instant since = T0.plus(Duration.ofHours(3));
    StuckCaseFixtures.Case update = fixtures.waitingAt(HiringPipeline.TASK_AWAIT_CANDIDATE_UPDATE, "akron", since);
    StuckCases strict =
        new StuckCases(taskService, historyService, runtimeService, identityService, communities,
            new StuckCaseTargets(java.util.Map.of("Task_AwaitCandidateUpdate", Duration.ofDays(1))), clock);

    clock.set(since.plus(Duration.ofDays(1)).plusSeconds(1));
    assertThat(references(stuckCases.report(null, null).cases())).doesNotContain(update.reference());
    StuckCase stuck = find(strict.report(null, null).cases(), update.reference()).orElseThrow();
    assertThat(stuck.target()).isEqualTo("P1D");
    assertThat(stuck.stage()).isEqualTo("Stage_Vet");
    assertThat(stuck.kind()).isEqualTo(WatchedActivity.Kind.WAIT);
  }

  @Test
  void filtersByCommunityAndStageAndSortsByCommunityStageAndWaitingSince() {
    Instant since = T0.plus(Duration.ofHours(4));
    StuckCaseFixtures.Case hawaiiVet = fixtures.waitingAt(HiringPipeline.TASK_VET_CANDIDATE, "hawaii", since);
    StuckCaseFixtures.Case hawaiiAssess =
        fixtures.waitingAt(HiringPipeline.TASK_AWAIT_ASSESSMENT, "hawaii", since.plus(Duration.ofHours(1)));
    StuckCaseFixtures.Case hawaiiVetLater =
        fixtures.waitingAt(HiringPipeline.TASK_VET_CANDIDATE, "hawaii", since.plus(Duration.ofHours(2)));
    StuckCaseFixtures.Case seattleVet = fixtures.waitingAt(HiringPipeline.TASK_VET_CANDIDATE, "seattle", since);
    Instant now = since.plus(Duration.ofDays(8));

    List<String> all = references(at(now, null, null));
    assertThat(all).containsSubsequence(
        hawaiiAssess.reference(), hawaiiVet.reference(), hawaiiVetLater.reference(), seattleVet.reference());

    assertThat(references(at(now, "hawaii", null)))
        .contains(hawaiiVet.reference(), hawaiiAssess.reference(), hawaiiVetLater.reference())
        .doesNotContain(seattleVet.reference());
    assertThat(at(now, "hawaii", null)).extracting(StuckCase::community).containsOnly("hawaii");
    assertThat(references(at(now, "hawaii", "Stage_Vet")))
        .containsExactly(hawaiiVet.reference(), hawaiiVetLater.reference());
    assertThat(references(at(now, null, "assess")))
        .contains(hawaiiAssess.reference())
        .doesNotContain(hawaiiVet.reference(), seattleVet.reference());
    assertThat(references(at(now, " ", ""))).as("blank filters are no filters").containsAll(all);
  }

  @Test
  void anUnknownCommunityOrStageIsAFieldError() {
    assertThatThrownBy(() -> stuckCases.report("atlantis", "Stage_Nowhere"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getErrors()).extracting(FieldProblem::field).containsExactly("community", "stage"));
    assertThatThrownBy(() -> stuckCases.report(null, "Stage_Apply_"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.getErrors()).extracting(FieldProblem::field).containsExactly("stage"));
  }

  @Test
  void aCamundaAuthenticationOnTheThreadDoesNotHideCasesAndIsKept() {
    Instant since = T0.plus(Duration.ofHours(5));
    StuckCaseFixtures.Case vetting = fixtures.waitingAt(HiringPipeline.TASK_VET_CANDIDATE, "rhode-island", since);
    identityService.setAuthentication("someone-without-rights", List.of("no-such-group"));

    List<StuckCase> cases = at(since.plus(Duration.ofDays(6)), "rhode-island", null);

    assertThat(references(cases)).contains(vetting.reference());
    assertThat(find(cases, vetting.reference()).orElseThrow().candidateGroups()).containsExactly("vetters-rhode-island");
    assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("someone-without-rights");
  }

  /** Fails every time, as a provider that is down would. */
  public static class FailingStep implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      throw new IllegalStateException("ops test: provider unavailable");
    }
  }

  @Test
  void failedJobsAreSummedUpByActivityAndMessage() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("ops-failing-step-test")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("Task_OpsFailingStep")
            .camundaAsyncBefore()
            .camundaClass(FailingStep.class.getName())
            .endEvent()
            .done();
    deploymentId =
        repositoryService.createDeployment().name("ops-tests").addModelInstance("ops-failing-step.bpmn", model).deploy().getId();
    clock.set(Instant.now());
    assertThat(stuckCases.report(null, null).incidents())
        .extracting(IncidentGroup::activityId)
        .doesNotContain("Task_OpsFailingStep");

    for (int i = 0; i < 2; i++) {
      ProcessInstance instance = runtimeService.startProcessInstanceByKey("ops-failing-step-test");
      Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
      managementService.setJobRetries(job.getId(), 1);
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("provider unavailable");
    }

    List<IncidentGroup> incidents = stuckCases.report(null, null).incidents();
    assertThat(incidents)
        .filteredOn(group -> "Task_OpsFailingStep".equals(group.activityId()))
        .containsExactly(new IncidentGroup("Task_OpsFailingStep", "ops test: provider unavailable", 2));
    assertThat(incidents).extracting(IncidentGroup::activityId).doesNotContain((String) null);
  }
}
