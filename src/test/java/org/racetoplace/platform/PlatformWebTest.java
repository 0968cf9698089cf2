package org.racetoplace.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on the embedded default (H2, demo profile): what a newcomer gets from
 * {@code ./mvnw spring-boot:run}, and who may do what through the REST API, the webapps and the
 * actuator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformWebTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired CommunityRepository communities;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  /**
   * The demo applications enter the pipeline like real ones: the job executor sends their
   * confirmations in the background, then they wait for vetting.
   */
  @org.junit.jupiter.api.BeforeEach
  void demoCasesHaveReachedVetting() {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> taskService.createTaskQuery().taskDefinitionKey(HiringPipeline.TASK_VET_CANDIDATE).count() >= 10);
  }

  // --- start-up ---------------------------------------------------------------------------

  @Test
  void deploysTheModelsFromTheFilesystemUnderRelativeNames() {
    Deployment deployment =
        repositoryService.createDeploymentQuery().deploymentName("race-to-place").singleResult();
    assertThat(repositoryService.getDeploymentResourceNames(deployment.getId()))
        .contains(
            "processes/hiring-pipeline.bpmn", "processes/assessment-outcome.dmn", "forms/vetting-review.form");
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(HiringPipeline.PROCESS_ID)
                .latestVersion()
                .singleResult()
                .getHistoryTimeToLive())
        .isEqualTo(180);
  }

  @Test
  void engineRunsWithTheHouseSettings() {
    assertThat(engineConfiguration.isAuthorizationEnabled()).isTrue();
    assertThat(engineConfiguration.getIdGenerator()).isInstanceOf(StrongUuidGenerator.class);
    assertThat(engineConfiguration.getHistory()).isEqualTo("full");
    assertThat(engineConfiguration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(engineConfiguration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(engineConfiguration.getAdminGroups()).contains("admins", "camunda-admin");
  }

  @Test
  void seedsTheSixPilotCommunitiesWithAVettersGroupAndFilterEach() {
    assertThat(communities.findAll())
        .extracting(c -> c.getId())
        .containsExactlyInAnyOrder(
            "birmingham", "atlanta", "akron", "seattle", "hawaii", "rhode-island");
    for (String community : List.of("birmingham", "atlanta", "akron", "seattle", "hawaii", "rhode-island")) {
      assertThat(identityService.createGroupQuery().groupId("vetters-" + community).count())
          .isEqualTo(1);
    }
    assertThat(identityService.createGroupQuery().groupIdIn(
            "admins", "program-managers", "staff", "interviewers", "employer-magic-city-software")
        .count()).isEqualTo(5);
    assertThat(filterService.createFilterQuery().list())
        .extracting(Filter::getName)
        .contains(
            "Vetting — Birmingham", "Vetting — Rhode Island", "Interviews", "Staff tasks",
            "All open tasks", "My tasks", "Candidates for Magic City Software");
  }

  @Test
  void demoCasesWaitForVettingAndHoldNoPersonalData() {
    assertThat(taskService.createTaskQuery().taskCandidateGroup("vetters-birmingham").count()).isEqualTo(2);
    java.util.Set<String> allowed =
        java.util.Set.of(
            HiringPipeline.VAR_APPLICATION_REFERENCE, HiringPipeline.VAR_COMMUNITY,
            HiringPipeline.VAR_SCREENING_PASSED, HiringPipeline.VAR_SCREENING_OUTCOME,
            HiringPipeline.VAR_ASSESSMENT_RESULT_ID, HiringPipeline.VAR_SCALED_SCORE,
            HiringPipeline.VAR_FUNDAMENTALS_SCORE, HiringPipeline.VAR_LANGUAGE_SCORE,
            HiringPipeline.VAR_ROLE_TRACK, HiringPipeline.VAR_ASSESSMENT_PASSED,
            // the three demo cases that went on: decisions, counters and ids only
            HiringPipeline.VAR_VETTING_DECISION, HiringPipeline.VAR_INTERVIEW_AT,
            HiringPipeline.VAR_INTERVIEW_FORMAT, HiringPipeline.VAR_INTERVIEW_ATTEMPT,
            HiringPipeline.VAR_INTERVIEW_ATTENDANCE, HiringPipeline.VAR_INTERVIEW_NO_SHOWS,
            HiringPipeline.VAR_INTERVIEW_RECOMMENDATION, HiringPipeline.VAR_INTERVIEW_SCORE,
            HiringPipeline.VAR_INTERVIEW_PASSED, HiringPipeline.VAR_MATCH_FOUND,
            HiringPipeline.VAR_MATCH_PROPOSAL_ID, HiringPipeline.VAR_OPENING_ID,
            HiringPipeline.VAR_EMPLOYER_GROUP);
    for (var pi :
        runtimeService.createProcessInstanceQuery().processDefinitionKey(HiringPipeline.PROCESS_ID).list()) {
      VariableMap variables = runtimeService.getVariablesTyped(pi.getId());
      assertThat(variables.keySet()).isSubsetOf(allowed);
      assertThat(variables.values())
          .allMatch(v -> v instanceof String || v instanceof Number || v instanceof Boolean)
          .noneMatch(v -> v.toString().contains("@"));
    }
  }

  @Test
  void demoDataSeedsOpenPositionsInEveryCommunityAndCasesInTheLaterStages() {
    assertThat(
            jdbc.queryForList(
                "select distinct community_id from job_opening where status = 'OPEN' and filled < positions",
                String.class))
        .as("communities with an employer partner hiring")
        .containsExactlyInAnyOrder("birmingham", "atlanta", "akron", "seattle", "hawaii", "rhode-island");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(openTasks(HiringPipeline.TASK_CONDUCT_INTERVIEW)).as("in interview").isEqualTo(1);
              assertThat(openTasks(HiringPipeline.TASK_EMPLOYER_REVIEW)).as("in employer review").isEqualTo(1);
              assertThat(
                      historyService.createHistoricActivityInstanceQuery()
                          .activityId(HiringPipeline.END_PLACED)
                          .finished()
                          .count())
                  .as("placed")
                  .isEqualTo(1);
            });
    assertThat(jdbc.queryForObject("select count(*) from placement", Long.class)).isEqualTo(1);
  }

  private long openTasks(String taskDefinitionKey) {
    return taskService.createTaskQuery()
        .processDefinitionKey(HiringPipeline.PROCESS_ID)
        .taskDefinitionKey(taskDefinitionKey)
        .count();
  }

  // --- /engine-rest -----------------------------------------------------------------------

  @Test
  void engineRestWithoutCredentialsIs401() {
    ResponseEntity<String> response = rest.getForEntity("/engine-rest/process-definition", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  @Test
  void engineRestWithAWrongPasswordIs401() {
    // a user of its own: a failed login locks the user for a few seconds (engine throttling)
    String user = throwawayUser("rest-wrong-password");
    ResponseEntity<String> response =
        rest.withBasicAuth(user, "wrong").getForEntity("/engine-rest/process-definition", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private String throwawayUser(String id) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      var user = identityService.newUser(id);
      user.setPassword("right-password");
      identityService.saveUser(user);
      identityService.createMembership(id, "staff");
    }
    return id;
  }

  @Test
  void adminSeesTheProcessDefinitions() throws Exception {
    ResponseEntity<String> response =
        rest.withBasicAuth("admin", "demo").getForEntity("/engine-rest/process-definition", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(JSON.readTree(response.getBody()).findValuesAsText("key")).contains("hiring-pipeline");
    assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
  }

  @Test
  void staffSeeTheProcessDefinitionsAndAllOpenTasks() throws Exception {
    ResponseEntity<String> definitions =
        rest.withBasicAuth("staff", "demo").getForEntity("/engine-rest/process-definition", String.class);
    assertThat(JSON.readTree(definitions.getBody()).findValuesAsText("key")).contains("hiring-pipeline");
    long openTasks = taskService.createTaskQuery().count();
    JsonNode count =
        JSON.readTree(rest.withBasicAuth("staff", "demo").getForObject("/engine-rest/task/count", String.class));
    assertThat(count.get("count").asLong()).isEqualTo(openTasks);
  }

  @Test
  void aVetterSeesNoDefinitionsAndOnlyTheTasksOfItsCommunity() throws Exception {
    ResponseEntity<String> definitions =
        rest.withBasicAuth("vetter-birmingham", "demo")
            .getForEntity("/engine-rest/process-definition", String.class);
    assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(JSON.readTree(definitions.getBody())).isEmpty();

    // every open task of Birmingham's cases, readable (docs/architecture.md, "Communities are tenants")
    JsonNode tasks =
        JSON.readTree(
            rest.withBasicAuth("vetter-birmingham", "demo").getForObject("/engine-rest/task", String.class));
    long ownCommunity = taskService.createTaskQuery().tenantIdIn("birmingham").count();
    assertThat(tasks).hasSize((int) ownCommunity).isNotEmpty();
    assertThat(tasks.findValuesAsText("tenantId")).containsOnly("birmingham");

    // the vetting filter: exactly the tasks offered to the group
    JsonNode vetting =
        JSON.readTree(
            rest.withBasicAuth("vetter-birmingham", "demo")
                .getForObject("/engine-rest/task?candidateGroup=vetters-birmingham", String.class));
    assertThat(vetting).hasSize((int) taskService.createTaskQuery().taskCandidateGroup("vetters-birmingham").count())
        .isNotEmpty();
    for (JsonNode task : vetting) {
      List<String> groups =
          taskService.getIdentityLinksForTask(task.get("id").asText()).stream()
              .map(link -> link.getGroupId())
              .toList();
      assertThat(groups).containsExactly("vetters-birmingham");
    }
  }

  @Test
  void aVetterCannotStartCasesOrDeploy() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> start =
        rest.withBasicAuth("vetter-atlanta", "demo")
            .postForEntity(
                "/engine-rest/process-definition/key/hiring-pipeline/start",
                new HttpEntity<>("{}", headers),
                String.class);
    assertThat(start.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(start.getBody()).doesNotContain("\tat ");

    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> deploy =
        rest.withBasicAuth("vetter-atlanta", "demo")
            .postForEntity(
                "/engine-rest/deployment/create",
                new HttpEntity<>(deploymentForm(), multipart),
                String.class);
    assertThat(deploy.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aProgramManagerMayDeployAndStaffMayNot() {
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> staff =
        rest.withBasicAuth("staff", "demo")
            .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(deploymentForm(), multipart), String.class);
    assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> pm =
        rest.withBasicAuth("pm", "demo")
            .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(deploymentForm(), multipart), String.class);
    assertThat(pm.getStatusCode()).isEqualTo(HttpStatus.OK);
    repositoryService.deleteDeployment(
        repositoryService.createDeploymentQuery().deploymentName("rest-deployment-test").singleResult().getId(),
        true);
  }

  private static org.springframework.util.LinkedMultiValueMap<String, Object> deploymentForm() {
    var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
    form.add("deployment-name", "rest-deployment-test");
    form.add(
        "data",
        new org.springframework.core.io.ByteArrayResource(
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                    + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
                    + "<process id=\"rest-deployment-test\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\">"
                    + "<startEvent id=\"StartEvent_Test\"/></process></definitions>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "rest-deployment-test.bpmn";
          }
        });
    return form;
  }

  // --- webapps ----------------------------------------------------------------------------

  @Test
  void aVetterMayUseTasklistButNotCockpitOrAdmin() throws Exception {
    assertThat(new WebappSession(port).login("tasklist", "vetter-birmingham", "demo")).isEqualTo(200);
    assertThat(new WebappSession(port).login("cockpit", "vetter-birmingham", "demo")).isEqualTo(403);
    assertThat(new WebappSession(port).login("admin", "vetter-birmingham", "demo")).isEqualTo(403);

    WebappSession tasklist = new WebappSession(port);
    tasklist.login("tasklist", "vetter-birmingham", "demo");
    var cockpitApi = tasklist.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics");
    assertThat(cockpitApi.statusCode()).as(cockpitApi.body()).isIn(401, 403);
  }

  @Test
  void aProgramManagerReachesCockpitsApi() throws Exception {
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", "pm", "demo")).isEqualTo(200);
    var statistics = cockpit.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics");
    assertThat(statistics.statusCode()).isEqualTo(200);
    assertThat(statistics.body()).contains("hiring-pipeline");
  }

  @Test
  void staffReachCockpitAndAWrongPasswordDoesNot() throws Exception {
    assertThat(new WebappSession(port).login("cockpit", "staff", "demo")).isEqualTo(200);
    String user = throwawayUser("webapp-wrong-password");
    assertThat(new WebappSession(port).login("cockpit", user, "not-the-password")).isEqualTo(401);
  }

  @Test
  void theFirstAdminSetupPageIsClosed() throws Exception {
    WebappSession anonymous = new WebappSession(port);
    anonymous.get("/camunda/app/admin/default/");
    var setup =
        anonymous.postJson(
            "/camunda/api/admin/setup/default/user/create",
            "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"X\"},"
                + "\"credentials\":{\"password\":\"intruder1\"}}");
    assertThat(setup.statusCode()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void webappPagesCarryCamundasSecurityHeaders() throws Exception {
    var page = new WebappSession(port).get("/camunda/app/tasklist/default/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  // --- actuator ---------------------------------------------------------------------------

  @Test
  void healthProbesArePublic() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> readiness = rest.getForEntity("/actuator/health/readiness", String.class);
    assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(readiness.getBody()).contains("\"UP\"");
    assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void readinessChecksDatabaseAndJobExecutorForAdmins() throws Exception {
    JsonNode readiness =
        JSON.readTree(rest.withBasicAuth("admin", "demo").getForObject("/actuator/health/readiness", String.class));
    assertThat(readiness.get("components").has("db")).isTrue();
    assertThat(readiness.get("components").has("jobExecutor")).isTrue();
  }

  @Test
  void anAddressOutsideTheStaffPagesIsNotFoundForAVisitorNotASignInPrompt() {
    for (String address : new String[] {"/status/BHM-000001", "/admin", "/camunda-welcome"}) {
      HttpHeaders browser = new HttpHeaders();
      browser.setAccept(List.of(MediaType.TEXT_HTML));
      ResponseEntity<String> anonymous =
          rest.exchange(address, HttpMethod.GET, new HttpEntity<>(browser), String.class);
      assertThat(anonymous.getStatusCode()).as(address).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(anonymous.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).as(address).isFalse();
      assertThat(anonymous.getBody()).as(address).contains("<h1>Page not found</h1>").doesNotContain("Exception");

      ResponseEntity<String> wrongPassword = rest.withBasicAuth("nobody", "wrong").getForEntity(address, String.class);
      assertThat(wrongPassword.getStatusCode()).as(address).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(wrongPassword.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).as(address).isFalse();

      assertThat(rest.withBasicAuth("staff", "demo").getForEntity(address, String.class).getStatusCode())
          .as(address)
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
    // the staff pages still ask for a sign-in, in the realm of /api
    ResponseEntity<String> staffPage = rest.getForEntity("/staff/reports", String.class);
    assertThat(staffPage.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(staffPage.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"race-to-place\"");
    assertThat(rest.withBasicAuth("nobody", "wrong").getForEntity("/staff/reports", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void otherActuatorEndpointsNeedAnAdmin() {
    assertThat(rest.getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("staff", "demo").getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void errorsCarryNoStackTrace() {
    ResponseEntity<String> response =
        rest.withBasicAuth("admin", "demo").getForEntity("/engine-rest/process-definition/key/no-such-process", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).doesNotContain("\tat ").doesNotContain("Exception:");
  }
}
