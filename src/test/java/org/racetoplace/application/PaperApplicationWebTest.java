package org.racetoplace.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A paper application entered the way Tasklist's "Start process" does it — {@code POST
 * /engine-rest/process-definition/key/paper-application/submit-form} — in the whole application:
 * authorizations, the intake rules, the one transaction with the hiring-pipeline case, and the
 * history filter that keeps the candidate's data out of Camunda's history tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaperApplicationWebTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "paper-password";
  private static final String STAFF = "paper-staff";
  private static final String INTERVIEWER = "paper-interviewer";
  /** A member of a group that may start paper applications and nothing else. */
  private static final String CLERK = "paper-clerk";
  private static final String CLERKS = "paper-clerks";
  private static final String SUBMIT_FORM =
      "/engine-rest/process-definition/key/paper-application/submit-form";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired HistoryService historyService;
  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void users() {
    ensureUser(STAFF, "staff");
    ensureUser(INTERVIEWER, "interviewers");
    if (identityService.createGroupQuery().groupId(CLERKS).count() == 0) {
      identityService.saveGroup(identityService.newGroup(CLERKS));
      Authorization definition = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      definition.setGroupId(CLERKS);
      definition.setResource(Resources.PROCESS_DEFINITION);
      definition.setResourceId(RegisterPaperApplicationDelegate.PROCESS_ID);
      definition.addPermission(Permissions.READ);
      definition.addPermission(Permissions.CREATE_INSTANCE);
      authorizationService.saveAuthorization(definition);
      Authorization instances = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      instances.setGroupId(CLERKS);
      instances.setResource(Resources.PROCESS_INSTANCE);
      instances.setResourceId(Authorization.ANY);
      instances.addPermission(Permissions.CREATE);
      authorizationService.saveAuthorization(instances);
    }
    ensureUser(CLERK, CLERKS);
  }

  private void ensureUser(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }

  // --- helpers ----------------------------------------------------------------------------

  /** A filled-in paper form with a first name and email no other test uses. */
  private static Map<String, Object> paperForm() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("firstName", "Paperfirst" + unique);
    form.put("lastName", "Hopper");
    form.put("email", "paper-" + unique + "@example.org");
    form.put("phone", "+1 808 555 0100");
    form.put("community", "hawaii");
    form.put("roleTrack", "web-developer");
    form.put("languageJavaScript", true);
    form.put("languageTypeScript", true);
    form.put("languageJava", false);
    form.put("skills", "JavaScript, 4\nCSS, 3\n\nSQL, 2");
    form.put("workHistory", "Cashier | Acme | 2013 | 2016\nTutor | Library | 2017");
    // longer than the 4,000 characters a string variable may hold in the engine's tables
    form.put(
        "projects",
        "Bus tracker | https://example.org/bus | JavaScript; CSS | " + "b".repeat(1900) + "\n"
            + "Recipe box | | TypeScript | " + "r".repeat(1900) + "\n"
            + "Notes | https://example.org/notes | | " + "n".repeat(1900));
    form.put("certificates", "Web bootcamp | Honolulu Coders | 2019");
    form.put("sex", "female");
    form.put("raceEthnicity", "native hawaiian or other pacific islander");
    form.put("consent", true);
    return form;
  }

  private ResponseEntity<String> submit(String user, Map<String, Object> form) {
    ObjectNode variables = JSON.createObjectNode();
    form.forEach(
        (name, value) -> {
          ObjectNode variable = variables.putObject(name);
          if (value instanceof Boolean flag) {
            variable.put("value", flag).put("type", "Boolean");
          } else {
            variable.put("value", (String) value).put("type", "String");
          }
        });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD)
        .postForEntity(SUBMIT_FORM, new HttpEntity<>(body.toString(), headers), String.class);
  }

  private long candidatesWithEmail(Object email) {
    return jdbc.queryForObject("select count(*) from candidate where email = ?", Long.class, email);
  }

  private long casesCount() {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(HiringPipeline.PROCESS_ID)
        .count();
  }

  private long paperInstancesCount() {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(RegisterPaperApplicationDelegate.PROCESS_ID)
        .count();
  }

  private String referenceOf(Object email) {
    return jdbc.queryForObject(
        "select a.reference from application a join candidate c on c.id = a.candidate_id where c.email = ?",
        String.class,
        email);
  }

  /** Every value Camunda keeps of variables, at runtime and in history, as text. */
  private List<String> everyVariableValueTheEngineKeeps() {
    List<String> values = new java.util.ArrayList<>();
    for (VariableInstance variable : runtimeService.createVariableInstanceQuery().list()) {
      values.add(variable.getName() + "=" + variable.getValue());
    }
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery().list()) {
      values.add(variable.getName() + "=" + variable.getValue());
    }
    for (HistoricDetail detail : historyService.createHistoricDetailQuery().list()) {
      if (detail instanceof HistoricVariableUpdate update) {
        values.add(update.getVariableName() + "=" + update.getValue());
      } else if (detail instanceof HistoricFormField field) {
        values.add(field.getFieldId() + "=" + field.getFieldValue());
      }
    }
    return values;
  }

  // --- tests ------------------------------------------------------------------------------

  @Test
  void staffRegisterAPaperApplicationThatStartsItsCaseAndLeavesNoPersonalDataInTheEngine()
      throws Exception {
    Map<String, Object> form = paperForm();

    ResponseEntity<String> response = submit(STAFF, form);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    String paperInstanceId = JSON.readTree(response.getBody()).get("id").asText();
    String reference = referenceOf(form.get("email"));
    assertThat(reference).startsWith("HNL-").matches(ApplicationReferences.FORMAT);

    Map<String, Object> row =
        jdbc.queryForMap(
            "select a.id, a.community_id, a.role_track, a.process_instance_id, c.first_name, c.phone"
                + " from application a join candidate c on c.id = a.candidate_id where a.reference = ?",
            reference);
    assertThat(row.get("COMMUNITY_ID")).isEqualTo("hawaii");
    assertThat(row.get("ROLE_TRACK")).isEqualTo("web-developer");
    assertThat(row.get("FIRST_NAME")).isEqualTo(form.get("firstName"));
    assertThat(row.get("PHONE")).isEqualTo("+1 808 555 0100");
    Object applicationId = row.get("ID");
    assertThat(
            jdbc.queryForList(
                "select name || ':' || skill_level from application_skill where application_id = ?"
                    + " order by item_index",
                String.class,
                applicationId))
        .containsExactly("JavaScript:4", "CSS:3", "SQL:2");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from application_project where application_id = ?", Long.class, applicationId))
        .isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from application_work_history where application_id = ?",
                Long.class,
                applicationId))
        .isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select race_ethnicity from application_self_identification where application_id = ?",
                String.class,
                applicationId))
        .isEqualTo("native hawaiian or other pacific islander");
    // the confirmation with the status link is prepared as for an online application
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification where application_reference = ?", Long.class, reference))
        .isEqualTo(1);

    HistoricProcessInstance pipelineCase =
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(HiringPipeline.PROCESS_ID)
            .processInstanceBusinessKey(reference)
            .singleResult();
    assertThat(pipelineCase).isNotNull();
    assertThat(pipelineCase.getId()).isEqualTo(row.get("PROCESS_INSTANCE_ID"));
    assertThat(pipelineCase.getStartUserId()).isEqualTo(STAFF);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pipelineCase.getId()).count())
        .isEqualTo(1);

    HistoricProcessInstance paperInstance =
        historyService.createHistoricProcessInstanceQuery().processInstanceId(paperInstanceId).singleResult();
    assertThat(paperInstance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(paperInstance.getStartUserId()).isEqualTo(STAFF);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(paperInstanceId).count())
        .isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(paperInstanceId).count()).isZero();
    assertThat(everyVariableValueTheEngineKeeps())
        .isNotEmpty()
        .noneMatch(value -> value.contains((String) form.get("firstName")))
        .noneMatch(value -> value.contains((String) form.get("email")))
        .noneMatch(value -> value.contains("Honolulu Coders"));
  }

  @Test
  void anInvalidPaperApplicationIsRefusedWithEveryFieldNamedAndNothingIsStored() throws Exception {
    Map<String, Object> form = paperForm();
    form.put("email", "paper-not-an-email");
    form.put("skills", "JavaScript, 4\nCSS, 9");
    long cases = casesCount();
    long paperInstances = paperInstancesCount();
    long applications = jdbc.queryForObject("select count(*) from application", Long.class);

    ResponseEntity<String> response = submit(STAFF, form);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    String message = JSON.readTree(response.getBody()).get("message").asText();
    assertThat(message)
        .contains("nothing was stored")
        .contains("Email: must be a valid email address")
        .contains("Skills line 2: level must be less than or equal to 5")
        .doesNotContain("JavaScript, 4");
    assertThat(candidatesWithEmail("paper-not-an-email")).isZero();
    assertThat(jdbc.queryForObject("select count(*) from application", Long.class)).isEqualTo(applications);
    assertThat(casesCount()).isEqualTo(cases);
    assertThat(paperInstancesCount()).isEqualTo(paperInstances);
    assertThat(everyVariableValueTheEngineKeeps()).noneMatch(value -> value.contains((String) form.get("firstName")));
  }

  @Test
  void aDuplicateIsRefusedWithTheExistingReference() throws Exception {
    Map<String, Object> form = paperForm();
    assertThat(submit(STAFF, form).getStatusCode()).isEqualTo(HttpStatus.OK);
    String reference = referenceOf(form.get("email"));
    long cases = casesCount();

    ResponseEntity<String> again = submit(STAFF, form);

    assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(JSON.readTree(again.getBody()).get("message").asText())
        .contains("already has an active application in this community, " + reference);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from application a join candidate c on c.id = a.candidate_id where c.email = ?",
                Long.class,
                form.get("email")))
        .isEqualTo(1);
    assertThat(casesCount()).isEqualTo(cases);
  }

  @Test
  void aUserWhoMayNotStartPaperApplicationsIsRefusedAndNothingIsStored() {
    Map<String, Object> form = paperForm();
    long cases = casesCount();

    ResponseEntity<String> response = submit(INTERVIEWER, form);

    // Camunda looks the key up with a query that shows only definitions the user may read, so
    // for someone without READ the process does not exist
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).contains("No matching process definition with key: paper-application");
    assertThat(candidatesWithEmail(form.get("email"))).isZero();
    assertThat(casesCount()).isEqualTo(cases);
  }

  /**
   * Starting the case inside the paper form's command is not checked against the person entering
   * it: permission to start {@code paper-application} is enough, as it is for the public API (with
   * the engine's checks on custom code turned on too: {@code PaperApplicationAuthorizationTest}).
   */
  @Test
  void permissionToStartPaperApplicationsIsEnoughToStartTheCase() {
    Map<String, Object> form = paperForm();

    ResponseEntity<String> response = submit(CLERK, form);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    String reference = referenceOf(form.get("email"));
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(HiringPipeline.PROCESS_ID)
                .processInstanceBusinessKey(reference)
                .count())
        .isEqualTo(1);
  }

  @Test
  void staffAndProgramManagersFindPaperApplicationsInTasklistsStartMenu() throws Exception {
    for (String group : List.of("staff", "program-managers")) {
      Authorization grant =
          authorizationService
              .createAuthorizationQuery()
              .groupIdIn(group)
              .resourceType(Resources.PROCESS_DEFINITION)
              .resourceId(RegisterPaperApplicationDelegate.PROCESS_ID)
              .singleResult();
      assertThat(grant).as(group).isNotNull();
      assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
      assertThat(grant.isPermissionGranted(Permissions.CREATE_INSTANCE)).isTrue();
    }
    // the query Tasklist's "Start process" dialog sends
    JsonNode startable =
        JSON.readTree(
            rest.withBasicAuth(STAFF, PASSWORD)
                .getForObject(
                    "/engine-rest/process-definition?latestVersion=true&active=true"
                        + "&startableInTasklist=true&startablePermissionCheck=true",
                    String.class));
    assertThat(startable.findValuesAsText("key")).contains(RegisterPaperApplicationDelegate.PROCESS_ID);
  }
}
