package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.platform.engine.EngineIndexes;
import org.racetoplace.platform.identity.CommunityTenantBackfill;
import org.racetoplace.platform.identity.HiringGroups;
import org.racetoplace.platform.identity.IdentitySetup;
import org.racetoplace.vetting.TestApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Communities stay apart now that vetters read tasks through their community's tenant and one grant
 * per group (docs/architecture.md, "Communities are tenants"): over the Java API with the vetter
 * authenticated as {@code /engine-rest} authenticates them, and over {@code /engine-rest} with HTTP
 * Basic. Cases of the real {@code hiring-pipeline} are placed straight at their task.
 */
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class PostgresTaskIsolationTest {

  private static final String PASSWORD = "isolation-test-password";
  private static final String VETTER_BIRMINGHAM = "iso-vetter-birmingham";
  private static final String VETTER_ATLANTA = "iso-vetter-atlanta";
  private static final String INTERVIEWER = "iso-interviewer";
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> PostgresTestDatabase.URL);
    registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
    registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
    registry.add("hiring.admin.password", () -> PostgresTestDatabase.ADMIN_PASSWORD);
  }

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired IdentitySetup identitySetup;
  @Autowired CommunityTenantBackfill backfill;

  private Task birminghamVetting;
  private Task atlantaVetting;
  private Task birminghamInterview;

  @BeforeEach
  void casesInTwoCommunities() {
    identitySetup.ensureUser(VETTER_BIRMINGHAM, "Bea", "Ham", PASSWORD, HiringGroups.vetters("birmingham"));
    identitySetup.ensureUser(VETTER_ATLANTA, "Al", "Anta", PASSWORD, HiringGroups.vetters("atlanta"));
    identitySetup.ensureUser(INTERVIEWER, "Ivy", "View", PASSWORD, HiringGroups.INTERVIEWERS);
    birminghamVetting = taskOf(caseAt(HiringPipeline.TASK_VET_CANDIDATE, "birmingham"));
    atlantaVetting = taskOf(caseAt(HiringPipeline.TASK_VET_CANDIDATE, "atlanta"));
    birminghamInterview = taskOf(caseAt(HiringPipeline.TASK_SCHEDULE_INTERVIEW, "birmingham"));
  }

  @Test
  void casesAndTheirTasksBelongToTheirCommunitysTenant() {
    assertThat(birminghamVetting.getTenantId()).isEqualTo("birmingham");
    assertThat(atlantaVetting.getTenantId()).isEqualTo("atlanta");
    assertThat(runtimeService.createProcessInstanceQuery()
            .processInstanceId(atlantaVetting.getProcessInstanceId()).singleResult().getTenantId())
        .isEqualTo("atlanta");
    assertThat(identityService.createTenantQuery().userMember(VETTER_BIRMINGHAM)
            .includingGroupsOfUser(true).list())
        .extracting(Tenant::getId)
        .containsExactly("birmingham");
  }

  @Test
  void aVettersFilterShowsOnlyTheirCommunitysVettingTasks() {
    List<Task> filter =
        as(VETTER_BIRMINGHAM, () -> taskService.createTaskQuery()
            .taskCandidateGroup(HiringGroups.vetters("birmingham")).includeAssignedTasks().list());
    assertThat(filter).extracting(Task::getId).contains(birminghamVetting.getId())
        .doesNotContain(atlantaVetting.getId());
    assertThat(filter).extracting(Task::getTenantId).containsOnly("birmingham");

    List<Task> everything = as(VETTER_BIRMINGHAM, () -> taskService.createTaskQuery().list());
    assertThat(everything).extracting(Task::getTenantId).containsOnly("birmingham");
    // asking for the other community's group or task finds nothing
    assertThat(as(VETTER_BIRMINGHAM, () -> taskService.createTaskQuery()
            .taskCandidateGroup(HiringGroups.vetters("atlanta")).count()))
        .isZero();
    assertThat(as(VETTER_BIRMINGHAM, () -> taskService.createTaskQuery()
            .taskId(atlantaVetting.getId()).count()))
        .isZero();
  }

  @Test
  void aVetterCannotClaimOrCompleteAnotherCommunitysTask() {
    assertThatThrownBy(() -> as(VETTER_BIRMINGHAM, () -> {
          taskService.claim(atlantaVetting.getId(), VETTER_BIRMINGHAM);
          return null;
        }))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> as(VETTER_BIRMINGHAM, () -> {
          taskService.complete(atlantaVetting.getId());
          return null;
        }))
        .isInstanceOf(AuthorizationException.class);
    Task untouched = taskService.createTaskQuery().taskId(atlantaVetting.getId()).singleResult();
    assertThat(untouched).isNotNull();
    assertThat(untouched.getAssignee()).isNull();
  }

  @Test
  void overEngineRestAVetterNeitherSeesNorWorksOnAnotherCommunitysTask() throws Exception {
    TestRestTemplate vetter = rest.withBasicAuth(VETTER_BIRMINGHAM, PASSWORD);
    JsonNode list = JSON.readTree(vetter.getForObject("/engine-rest/task", String.class));
    assertThat(list.findValuesAsText("tenantId")).isNotEmpty().containsOnly("birmingham");
    assertThat(list.findValuesAsText("id")).contains(birminghamVetting.getId())
        .doesNotContain(atlantaVetting.getId());
    JsonNode otherGroup = JSON.readTree(
        vetter.getForObject("/engine-rest/task?candidateGroup=vetters-atlanta", String.class));
    assertThat(otherGroup).isEmpty();

    assertThat(vetter.getForEntity("/engine-rest/task/" + atlantaVetting.getId(), String.class)
            .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> claim = post(vetter, "/engine-rest/task/" + atlantaVetting.getId() + "/claim",
        "{\"userId\":\"" + VETTER_BIRMINGHAM + "\"}");
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> complete =
        post(vetter, "/engine-rest/task/" + atlantaVetting.getId() + "/complete", "{}");
    assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(complete.getBody()).doesNotContain("\tat ");
    ResponseEntity<String> variables =
        vetter.getForEntity("/engine-rest/task/" + atlantaVetting.getId() + "/variables", String.class);
    assertThat(variables.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

    Task untouched = taskService.createTaskQuery().taskId(atlantaVetting.getId()).singleResult();
    assertThat(untouched).isNotNull();
    assertThat(untouched.getAssignee()).isNull();
  }

  /**
   * The grants a filter opening joins are found through the user's and the groups' indexes, not by
   * reading every grant (there is one per open task): {@code EngineIndexes}, docs/performance.md
   * "Tasklist". The table gets, in a transaction that is rolled back, the grants of 30,000 open
   * tasks of six communities, so that the planner weighs the plans as it does in production.
   */
  @Test
  void theSignedInVettersGrantsAreFoundThroughIndexesNotByReadingEveryGrant() {
    assertThat(jdbc.queryForList(
            "select indexdef from pg_indexes where tablename = 'act_ru_authorization' and indexname = ?",
            String.class, EngineIndexes.AUTHORIZATION_USER.toLowerCase(Locale.ROOT)))
        .singleElement().asString().contains("(user_id_)");
    String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_)"
                + " select 'grant-test-' || n, 1, 1, (array['vetters-birmingham', 'vetters-atlanta',"
                + " 'vetters-akron', 'vetters-seattle', 'vetters-hawaii', 'vetters-rhode-island'])[n % 6 + 1],"
                + " 7, 'task-test-' || n, 4 from generate_series(1, 30000) n");
        statement.execute("analyze ACT_RU_AUTHORIZATION");
        StringBuilder lines = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(
            "explain select A.* from ACT_RU_AUTHORIZATION A where A.TYPE_ < 2"
                + " and (A.USER_ID_ in ('" + VETTER_BIRMINGHAM + "', '*') or A.GROUP_ID_ in ('vetters-birmingham'))"
                + " and (A.RESOURCE_TYPE_ = 7 and A.PERMS_ & 2 = 2 or A.RESOURCE_TYPE_ = 6 and A.PERMS_ & 64 = 64)")) {
          while (rows.next()) {
            lines.append(rows.getString(1)).append('\n');
          }
        }
        return lines.toString();
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    });
    assertThat(plan)
        .contains(EngineIndexes.AUTHORIZATION_USER.toLowerCase(Locale.ROOT))
        .doesNotContain("Seq Scan");
  }

  @Test
  void aVetterWorksOnTheirOwnVettingTask() {
    TestRestTemplate vetter = rest.withBasicAuth(VETTER_BIRMINGHAM, PASSWORD);
    ResponseEntity<String> claim = post(vetter, "/engine-rest/task/" + birminghamVetting.getId() + "/claim",
        "{\"userId\":\"" + VETTER_BIRMINGHAM + "\"}");
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(birminghamVetting.getId()).singleResult().getAssignee())
        .isEqualTo(VETTER_BIRMINGHAM);
  }

  /** The trade-off: within their community a vetter reads every open task, but works only on theirs. */
  @Test
  void aVetterReadsButCannotWorkOnTheirCommunitysOtherTasks() {
    TestRestTemplate vetter = rest.withBasicAuth(VETTER_BIRMINGHAM, PASSWORD);
    assertThat(vetter.getForEntity("/engine-rest/task/" + birminghamInterview.getId(), String.class)
            .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> claim = post(vetter, "/engine-rest/task/" + birminghamInterview.getId() + "/claim",
        "{\"userId\":\"" + VETTER_BIRMINGHAM + "\"}");
    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(birminghamInterview.getId()).singleResult().getAssignee())
        .isNull();

    // interviewers work across communities: they belong to every community's tenant
    TestRestTemplate interviewer = rest.withBasicAuth(INTERVIEWER, PASSWORD);
    ResponseEntity<String> interviewerClaim =
        post(interviewer, "/engine-rest/task/" + birminghamInterview.getId() + "/claim",
            "{\"userId\":\"" + INTERVIEWER + "\"}");
    assertThat(interviewerClaim.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as(INTERVIEWER, () -> taskService.createTaskQuery().taskId(birminghamVetting.getId()).count()))
        .isZero();
  }

  @Test
  void theBackfillMovesCasesFromBeforeTenantsIntoTheirCommunity() {
    String instance = atlantaVetting.getProcessInstanceId();
    // as a case started before communities were tenants: no tenant, the group's per-task READ
    for (String table : List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE")) {
      jdbc.update("update " + table + " set TENANT_ID_ = null where PROC_INST_ID_ = ?", instance);
    }
    jdbc.update("update ACT_RU_IDENTITYLINK set TENANT_ID_ = null where TASK_ID_ = ?", atlantaVetting.getId());
    jdbc.update("update ACT_RU_AUTHORIZATION set PERMS_ = PERMS_ + 2 where RESOURCE_ID_ = ? and GROUP_ID_ = ?",
        atlantaVetting.getId(), HiringGroups.vetters("atlanta"));
    assertThat(as(VETTER_BIRMINGHAM, () -> taskService.createTaskQuery().taskId(atlantaVetting.getId()).count()))
        .as("before the backfill the untagged case leaks")
        .isOne();

    assertThat(backfill.apply()).isPositive();

    assertThat(as(VETTER_BIRMINGHAM, () -> taskService.createTaskQuery().taskId(atlantaVetting.getId()).count()))
        .isZero();
    assertThat(as(VETTER_ATLANTA, () -> taskService.createTaskQuery().taskId(atlantaVetting.getId()).count()))
        .isOne();
    assertThat(jdbc.queryForList(
            "select distinct TENANT_ID_ from ACT_RU_VARIABLE where PROC_INST_ID_ = ?", String.class, instance))
        .containsExactly("atlanta");
    assertThat(jdbc.queryForObject(
            "select PERMS_ from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = ? and GROUP_ID_ = ?", Integer.class,
            atlantaVetting.getId(), HiringGroups.vetters("atlanta")) & 2)
        .isZero();
    assertThat(backfill.apply()).isZero();
  }

  private ProcessInstance caseAt(String activityId, String community) {
    String reference = new TestApplications(context).create(community).reference();
    return runtimeService.createProcessInstanceByKey(HiringPipeline.PROCESS_ID)
        .businessKey(reference)
        .setVariable(HiringPipeline.VAR_APPLICATION_REFERENCE, reference)
        .setVariable(HiringPipeline.VAR_COMMUNITY, community)
        .setVariable(HiringPipeline.VAR_ROLE_TRACK, "software-engineer")
        .startBeforeActivity(activityId)
        .execute();
  }

  private Task taskOf(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Runs the work as the user, with groups and tenants as {@code /engine-rest} authenticates. */
  private <T> T as(String user, Supplier<T> work) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    List<String> tenants =
        identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList();
    identityService.setAuthentication(user, groups, tenants);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static ResponseEntity<String> post(TestRestTemplate client, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client.postForEntity(path, new HttpEntity<>(json, headers), String.class);
  }
}
