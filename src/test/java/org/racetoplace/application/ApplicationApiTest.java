package org.racetoplace.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The candidates' JSON API end to end, on the embedded default (H2, demo profile): intake with
 * every validation rule, duplicates, the size limit, status, withdrawal, and the one transaction
 * around the rows and the start of the case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger EMAILS = new AtomicInteger();
  private static final List<String> TABLES =
      List.of(
          "candidate",
          "application",
          "application_language",
          "application_skill",
          "application_work_history",
          "application_project",
          "application_project_technology",
          "application_certificate",
          "application_self_identification");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired org.racetoplace.assessment.AssessmentResultService assessmentResults;
  @Autowired ApplicationRepository applications;
  @Autowired PlatformTransactionManager transactionManager;

  // --- helpers ----------------------------------------------------------------------------

  /** The example of the issue, with an email no other test uses. */
  static ObjectNode validApplication() {
    try {
      ObjectNode body =
          (ObjectNode)
              JSON.readTree(
                  """
                  {"firstName":"Ada","lastName":"Lovelace","email":"ada@example.org",
                   "phone":"+1 205 555 0100","community":"birmingham","roleTrack":"software-engineer",
                   "languages":["Java","JavaScript"],"skills":[{"name":"Java","level":3}],
                   "workHistory":[{"title":"Cashier","employer":"Acme","startYear":2013,"endYear":2016}],
                   "projects":[{"name":"Bus tracker","url":"https://example.org/bus",
                                "description":"Shows when the next bus comes","technologies":["Java"]}],
                   "certificates":[{"name":"Java bootcamp","issuer":"Innovation Depot","year":2016}],
                   "selfIdentification":{"sex":"female","raceEthnicity":"prefer-not-to-say"},
                   "consent":true}
                  """);
      body.put("email", "candidate-" + EMAILS.incrementAndGet() + "@example.org");
      return body;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<String> post(String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> submit(JsonNode body) {
    return post("/api/applications", body.toString());
  }

  private JsonNode submitted(JsonNode body) throws Exception {
    ResponseEntity<String> response = submit(body);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    return JSON.readTree(response.getBody());
  }

  private ResponseEntity<String> status(String reference, String token) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.set("X-Status-Token", token);
    }
    return rest.exchange(
        "/api/applications/" + reference, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private ResponseEntity<String> withdraw(String reference, String token) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.set("X-Status-Token", token);
    }
    return rest.exchange(
        "/api/applications/" + reference + "/withdraw",
        HttpMethod.POST,
        new HttpEntity<>(headers),
        String.class);
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    counts.put(
        "process instances",
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(HiringPipeline.PROCESS_ID)
            .count());
    return counts;
  }

  private static List<String> fieldsOf(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }

  private static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isNotNull()
        .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(response.getBody()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  // --- intake -----------------------------------------------------------------------------

  @Test
  void validApplicationIsStoredAndStartsItsCaseWithoutPersonalData() throws Exception {
    ObjectNode body = validApplication();
    String email = body.get("email").asText();
    body.put("email", "  " + email.toUpperCase() + " ");
    Map<String, Long> before = rowCounts();

    ResponseEntity<String> response = submit(body);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = JSON.readTree(response.getBody());
    String reference = answer.get("reference").asText();
    String token = answer.get("statusToken").asText();
    assertThat(reference).matches("BHM-[0-9]{6}");
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(answer.get("statusUrl").asText()).endsWith("/api/applications/" + reference);
    assertThat(response.getHeaders().getLocation()).hasToString(answer.get("statusUrl").asText());
    assertThat(response.getHeaders().getCacheControl()).contains("no-store");

    Map<String, Object> row =
        jdbc.queryForMap(
            "select a.status, a.role_track, a.community_id, a.status_token_hash, a.process_instance_id,"
                + " c.email, c.first_name, c.phone from application a"
                + " join candidate c on c.id = a.candidate_id where a.reference = ?",
            reference);
    assertThat(row.get("STATUS")).isEqualTo("SUBMITTED");
    assertThat(row.get("ROLE_TRACK")).isEqualTo("software-engineer");
    assertThat(row.get("COMMUNITY_ID")).isEqualTo("birmingham");
    assertThat(row.get("EMAIL")).isEqualTo(email);
    assertThat(row.get("FIRST_NAME")).isEqualTo("Ada");
    assertThat(row.get("STATUS_TOKEN_HASH"))
        .isEqualTo(StatusTokens.hash(token))
        .isNotEqualTo(token);
    Map<String, Long> after = rowCounts();
    for (String table : TABLES) {
      long added = table.equals("application_language") ? 2 : 1;
      assertThat(after.get(table)).as(table).isEqualTo(before.get(table) + added);
    }
    assertThat(
            jdbc.queryForList(
                "select l.language from application_language l join application a on a.id = l.application_id"
                    + " where a.reference = ? order by l.item_index",
                String.class,
                reference))
        .containsExactly("Java", "JavaScript");

    ProcessInstance processInstance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(reference)
            .singleResult();
    assertThat(processInstance.getId()).isEqualTo(row.get("PROCESS_INSTANCE_ID"));
    assertThat(processInstance.getProcessDefinitionId()).startsWith(HiringPipeline.PROCESS_ID + ":");
    Map<String, Object> variables = runtimeService.getVariables(processInstance.getId());
    // ids and outcomes only: the intake's two, plus screening's outcome once the case has run it
    assertThat(variables)
        .containsEntry(HiringPipeline.VAR_APPLICATION_REFERENCE, reference)
        .containsEntry(HiringPipeline.VAR_COMMUNITY, "birmingham");
    assertThat(variables.keySet())
        .isSubsetOf(
            HiringPipeline.VAR_APPLICATION_REFERENCE,
            HiringPipeline.VAR_COMMUNITY,
            HiringPipeline.VAR_SCREENING_PASSED,
            HiringPipeline.VAR_SCREENING_OUTCOME);
  }

  @Test
  void theCaseIsScreenedInTheRequestAndAnApplicationLoadsByItsReferenceAlsoInATransactionOfItsOwn()
      throws Exception {
    String reference = JSON.readTree(submit(validApplication()).getBody()).get("reference").asText();
    String processInstanceId =
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    // the screening found the application the request had just stored (ApplicationByReference)
    assertThat(runtimeService.getVariable(processInstanceId, HiringPipeline.VAR_SCREENING_OUTCOME))
        .isEqualTo("PASSED");

    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              Application loaded = applications.loadByReference(reference).orElseThrow();
              assertThat(loaded.getReference()).isEqualTo(reference);
              assertThat(loaded.getProcessInstanceId()).isEqualTo(processInstanceId);
              assertThat(applications.loadByReference(reference)).containsSame(loaded);
              assertThat(applications.findByReference(reference)).containsSame(loaded);
              assertThat(applications.loadByReference("BHM-999999999")).isEmpty();
            });
  }

  @Test
  void referencesAreUniqueAndStartWithTheCommunitysPrefix() throws Exception {
    Map<String, String> prefixes =
        Map.of("birmingham", "BHM", "atlanta", "ATL", "akron", "AKR", "seattle", "SEA",
            "hawaii", "HNL", "rhode-island", "PVD");
    List<String> references = new ArrayList<>();
    for (Map.Entry<String, String> community : prefixes.entrySet()) {
      ObjectNode body = validApplication();
      body.put("community", community.getKey());
      String reference = submitted(body).get("reference").asText();
      assertThat(reference).matches(community.getValue() + "-[0-9]{6}");
      references.add(reference);
    }
    assertThat(references).doesNotHaveDuplicates();
    // sample cases of the demo data use the numbers 1 and 2; ours never meet them
    assertThat(references)
        .allSatisfy(reference -> assertThat(Integer.parseInt(reference.substring(4))).isGreaterThanOrEqualTo(1000));
  }

  static Stream<Arguments> brokenRules() {
    String tooLong101 = "x".repeat(101);
    int nextYear = Year.now().getValue() + 1;
    return Stream.of(
        rule("firstName", b -> b.remove("firstName")),
        rule("firstName", b -> b.put("firstName", tooLong101)),
        rule("lastName", b -> b.put("lastName", "  ")),
        rule("email", b -> b.remove("email")),
        rule("email", b -> b.put("email", "not-an-email")),
        rule("email", b -> b.put("email", "ada@localhost")),
        rule("email", b -> b.put("email", "a".repeat(250) + "@example.org")),
        rule("phone", b -> b.put("phone", "call me maybe")),
        rule("community", b -> b.remove("community")),
        rule("community", b -> b.put("community", "gotham")),
        rule("roleTrack", b -> b.put("roleTrack", "astronaut")),
        rule("roleTrack", b -> b.remove("roleTrack")),
        rule("languages", b -> b.putArray("languages")),
        rule("languages", b -> b.remove("languages")),
        rule("languages[1]", b -> ((ArrayNode) b.get("languages")).set(1, "Cobol")),
        rule("skills", b -> repeat(b, "skills", 51)),
        rule("skills[0].level", b -> skill(b).put("level", 0)),
        rule("skills[0].level", b -> skill(b).put("level", 6)),
        rule("skills[0].level", b -> skill(b).remove("level")),
        rule("skills[0].level", b -> skill(b).put("level", "three")),
        rule("skills[0].level", b -> skill(b).put("level", 3.5)),
        rule("skills[0].name", b -> skill(b).put("name", "")),
        rule("workHistory", b -> repeat(b, "workHistory", 21)),
        rule("workHistory[0].title", b -> job(b).remove("title")),
        rule("workHistory[0].startYear", b -> job(b).put("startYear", 1949)),
        rule("workHistory[0].endYear", b -> job(b).put("endYear", nextYear + 1)),
        rule("workHistory[0].endYear", b -> job(b).put("endYear", 2012)),
        rule("projects", b -> repeat(b, "projects", 21)),
        rule("projects[0].url", b -> project(b).put("url", "javascript:alert(1)")),
        rule("projects[0].url", b -> project(b).put("url", "ftp://example.org/bus")),
        rule("projects[0].url", b -> project(b).put("url", "example.org/bus")),
        rule("projects[0].description", b -> project(b).put("description", "x".repeat(2001))),
        rule("projects[0].technologies[0]", b -> ((ArrayNode) project(b).get("technologies")).set(0, " ")),
        rule("certificates", b -> repeat(b, "certificates", 21)),
        rule("certificates[0].year", b -> certificate(b).put("year", 2999)),
        rule("certificates[0].url", b -> certificate(b).put("url", "file:///etc/passwd")),
        rule("certificates[0].issuer", b -> certificate(b).remove("issuer")),
        rule("selfIdentification.sex", b -> ((ObjectNode) b.get("selfIdentification")).put("sex", "x".repeat(61))),
        rule("consent", b -> b.put("consent", false)),
        rule("consent", b -> b.remove("consent")),
        // unknown fields are rejected, at any depth
        rule("nickname", b -> b.put("nickname", "Countess")),
        rule("skills[0].years", b -> skill(b).put("years", 4)));
  }

  private static Arguments rule(String field, Consumer<ObjectNode> breakIt) {
    return Arguments.of(field, breakIt);
  }

  private static ObjectNode skill(ObjectNode body) {
    return (ObjectNode) body.get("skills").get(0);
  }

  private static ObjectNode job(ObjectNode body) {
    return (ObjectNode) body.get("workHistory").get(0);
  }

  private static ObjectNode project(ObjectNode body) {
    return (ObjectNode) body.get("projects").get(0);
  }

  private static ObjectNode certificate(ObjectNode body) {
    return (ObjectNode) body.get("certificates").get(0);
  }

  private static void repeat(ObjectNode body, String list, int times) {
    ArrayNode items = (ArrayNode) body.get(list);
    JsonNode first = items.get(0);
    items.removeAll();
    for (int i = 0; i < times; i++) {
      items.add(first.deepCopy());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenRules")
  void eachBrokenRuleIs400NamingTheFieldAndStoresNothing(String field, Consumer<ObjectNode> breakIt)
      throws Exception {
    ObjectNode body = validApplication();
    breakIt.accept(body);
    Map<String, Long> before = rowCounts();

    ResponseEntity<String> response = submit(body);

    assertProblem(response, HttpStatus.BAD_REQUEST);
    JsonNode problem = JSON.readTree(response.getBody());
    assertThat(problem.get("title").asText()).isEqualTo("Invalid application");
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(fieldsOf(problem)).containsOnly(field);
    assertThat(problem.get("errors").get(0).get("message").asText()).isNotBlank();
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void severalBrokenRulesAreAllListedAtOnce() throws Exception {
    ObjectNode body = validApplication();
    body.put("email", "nope");
    body.put("community", "gotham");
    body.put("consent", false);
    body.put("favouriteColour", "green");
    skill(body).put("level", 9);
    job(body).put("endYear", 2000);
    project(body).put("url", "mailto:ada@example.org");
    Map<String, Long> before = rowCounts();

    ResponseEntity<String> response = submit(body);

    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(fieldsOf(JSON.readTree(response.getBody())))
        .containsExactlyInAnyOrder(
            "email", "community", "consent", "favouriteColour", "skills[0].level",
            "workHistory[0].endYear", "projects[0].url");
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void aBodyThatIsNotOneJsonObjectIs400() throws Exception {
    Map<String, Long> before = rowCounts();
    for (String body :
        List.of("{\"firstName\": \"Ada\"", "not json", "[]", "\"text\"", "",
            validApplication() + " {}", "{\"email\":\"a@b.org\",\"email\":\"c@d.org\"}")) {
      ResponseEntity<String> response = post("/api/applications", body);
      assertProblem(response, HttpStatus.BAD_REQUEST);
      JsonNode problem = JSON.readTree(response.getBody());
      assertThat(problem.get("title").asText()).as(body).isEqualTo("Malformed request");
    }
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<String> response =
        rest.postForEntity(
            "/api/applications", new HttpEntity<>(validApplication().toString(), headers), String.class);
    assertProblem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void aSecondActiveApplicationInTheSameCommunityIs409WithTheExistingReference() throws Exception {
    ObjectNode body = validApplication();
    String reference = submitted(body).get("reference").asText();
    Map<String, Long> before = rowCounts();

    ObjectNode again = body.deepCopy();
    again.put("email", body.get("email").asText().toUpperCase());
    again.put("firstName", "Augusta");
    ResponseEntity<String> response = submit(again);

    assertProblem(response, HttpStatus.CONFLICT);
    assertThat(JSON.readTree(response.getBody()).get("existingReference").asText()).isEqualTo(reference);
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(
            jdbc.queryForObject(
                "select first_name from candidate where email = ?", String.class, body.get("email").asText()))
        .isEqualTo("Ada");
  }

  @Test
  void theSameEmailMayApplyInAnotherCommunity() throws Exception {
    ObjectNode body = validApplication();
    submitted(body);
    body.put("community", "seattle");

    assertThat(submitted(body).get("reference").asText()).startsWith("SEA-");
  }

  @Test
  void concurrentSubmissionsOfOneEmailGiveOneApplication() throws Exception {
    ObjectNode body = validApplication();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<ResponseEntity<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(() -> submit(body));
      }
      List<HttpStatus> statuses = new ArrayList<>();
      for (Future<ResponseEntity<String>> result : pool.invokeAll(calls)) {
        statuses.add(HttpStatus.valueOf(result.get().getStatusCode().value()));
      }
      assertThat(statuses).containsOnlyOnce(HttpStatus.CREATED);
      assertThat(statuses).filteredOn(status -> status != HttpStatus.CREATED).containsOnly(HttpStatus.CONFLICT);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from application a join candidate c on c.id = a.candidate_id where c.email = ?",
                Long.class,
                body.get("email").asText()))
        .isEqualTo(1);
  }

  // --- size limit -------------------------------------------------------------------------

  private static String oversized() {
    ObjectNode body = validApplication();
    project(body).put("description", "x".repeat(300 * 1024));
    return body.toString();
  }

  @Test
  void aBodyOver256KbIs413() throws Exception {
    Map<String, Long> before = rowCounts();

    ResponseEntity<String> response = post("/api/applications", oversized());

    assertProblem(response, HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(JSON.readTree(response.getBody()).get("status").asInt()).isEqualTo(413);
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void aChunkedBodyOver256KbIs413() throws Exception {
    Map<String, Long> before = rowCounts();
    byte[] body = oversized().getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/applications"))
            .header("Content-Type", "application/json")
            // no length known up front: sent chunked
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();

    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
    assertThat(rowCounts()).isEqualTo(before);
  }

  // --- status -----------------------------------------------------------------------------

  @Test
  void theRightTokenShowsTheStageAndNextStepButNoPersonalData() throws Exception {
    JsonNode answer = submitted(validApplication());
    String reference = answer.get("reference").asText();
    String token = answer.get("statusToken").asText();
    // until the job executor has sent the confirmation the case is still in "Apply"
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> JSON.readTree(status(reference, token).getBody()).get("stage").asText().equals("Assess"));

    ResponseEntity<String> byHeader = status(reference, token);
    ResponseEntity<String> byQuery =
        rest.getForEntity("/api/applications/" + reference + "?token=" + token, String.class);

    assertThat(byHeader.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(byQuery.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode view = JSON.readTree(byHeader.getBody());
    assertThat(view.get("reference").asText()).isEqualTo(reference);
    assertThat(view.get("stage").asText()).isEqualTo("Assess");
    assertThat(view.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(view.get("nextStep").asText()).isNotBlank();
    assertThat(view.get("deadlines").isArray()).isTrue();
    assertThat(view.get("deadlines").findValuesAsText("description"))
        .as("the assessment deadline of stage Assess")
        .contains("Complete the online assessment by");
    assertThat(byHeader.getBody())
        .doesNotContain("Ada", "Lovelace", "example.org", "205 555 0100", "female", "prefer-not-to-say", token);
  }

  @Test
  void aWrongOrMissingTokenAndAnUnknownReferenceGetTheSame404() throws Exception {
    JsonNode answer = submitted(validApplication());
    String reference = answer.get("reference").asText();
    String otherToken = submitted(validApplication()).get("statusToken").asText();

    List<ResponseEntity<String>> misses =
        List.of(
            status(reference, null),
            status(reference, "wrong"),
            status(reference, otherToken),
            status("BHM-999999", answer.get("statusToken").asText()),
            status("not-a-reference", "x"),
            withdraw(reference, otherToken));
    for (ResponseEntity<String> miss : misses) {
      assertProblem(miss, HttpStatus.NOT_FOUND);
      ObjectNode problem = (ObjectNode) JSON.readTree(miss.getBody());
      problem.remove("instance");
      assertThat(problem).isEqualTo(withoutInstance(misses.get(0)));
    }
    assertThat(JSON.readTree(status(reference, answer.get("statusToken").asText()).getBody())
            .get("status").asText())
        .isEqualTo("SUBMITTED");
  }

  private static JsonNode withoutInstance(ResponseEntity<String> response) throws Exception {
    ObjectNode problem = (ObjectNode) JSON.readTree(response.getBody());
    problem.remove("instance");
    return problem;
  }

  // --- withdrawal -------------------------------------------------------------------------

  @Test
  void withdrawalEndsTheCaseAtWithdrawnAndFreesTheEmail() throws Exception {
    ObjectNode body = validApplication();
    JsonNode answer = submitted(body);
    String reference = answer.get("reference").asText();
    String token = answer.get("statusToken").asText();
    String processInstanceId =
        jdbc.queryForObject(
            "select process_instance_id from application where reference = ?", String.class, reference);

    ResponseEntity<String> response = withdraw(reference, token);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(JSON.readTree(response.getBody()).get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(JSON.readTree(response.getBody()).get("stage").asText()).isEqualTo("Withdrawn");
    // the withdrawal confirmation goes out in a job of its own; then the case ends
    awaitEnded(processInstanceId);
    HistoricProcessInstance history =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    assertThat(history.getEndTime()).isNotNull();
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .activityId(HiringPipeline.END_WITHDRAWN)
                .finished()
                .count())
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject("select status from application where reference = ?", String.class, reference))
        .isEqualTo("WITHDRAWN");

    // withdrawing again is answered the same way: a client may retry
    ResponseEntity<String> again = withdraw(reference, token);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(JSON.readTree(again.getBody()).get("status").asText()).isEqualTo("WITHDRAWN");
    assertThat(JSON.readTree(status(reference, token).getBody()).get("stage").asText())
        .isEqualTo("Withdrawn");

    // the email may apply again in the same community
    String newReference = submitted(body).get("reference").asText();
    assertThat(newReference).isNotEqualTo(reference).startsWith("BHM-");
    assertThat(
            jdbc.queryForObject(
                "select count(distinct candidate_id) from application where reference in (?, ?)",
                Long.class,
                reference,
                newReference))
        .isEqualTo(1);
  }

  @Test
  void anApplicationThatEndedOtherwiseCannotBeWithdrawn() throws Exception {
    JsonNode answer = submitted(validApplication());
    String reference = answer.get("reference").asText();
    jdbc.update("update application set status = 'PLACED', active_candidate_id = null where reference = ?", reference);

    ResponseEntity<String> response = withdraw(reference, answer.get("statusToken").asText());

    assertProblem(response, HttpStatus.CONFLICT);
    assertThat(JSON.readTree(response.getBody()).get("status").asText()).isEqualTo("PLACED");
  }

  // --- one transaction --------------------------------------------------------------------

  @Test
  void whenTheEngineRefusesTheCaseNothingIsStored() throws Exception {
    Map<String, Long> before = rowCounts();
    repositoryService.suspendProcessDefinitionByKey(HiringPipeline.PROCESS_ID);
    ResponseEntity<String> response;
    try {
      response = submit(validApplication());
    } finally {
      repositoryService.activateProcessDefinitionByKey(HiringPipeline.PROCESS_ID);
    }

    assertProblem(response, HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(rowCounts()).isEqualTo(before);
    // and the sequence number it drew is simply skipped: the next application goes through
    assertThat(submit(validApplication()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  // --- communities ------------------------------------------------------------------------

  @Test
  void anyoneCanListTheActiveCommunities() throws Exception {
    ResponseEntity<String> response = rest.getForEntity("/api/communities", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode communities = JSON.readTree(response.getBody());
    List<String> ids = new ArrayList<>();
    communities.forEach(community -> ids.add(community.get("id").asText()));
    assertThat(ids)
        .containsExactlyInAnyOrder("birmingham", "atlanta", "akron", "seattle", "hawaii", "rhode-island");
    JsonNode birmingham = communities.findParents("id").stream()
        .filter(node -> node.get("id").asText().equals("birmingham"))
        .findFirst()
        .orElseThrow();
    assertThat(birmingham.get("name").asText()).isEqualTo("Birmingham");
    assertThat(birmingham.get("region").asText()).isEqualTo("AL");
    assertThat(birmingham.size()).isEqualTo(3);
  }

  @Test
  void otherApiPathsNeedSignedInStaff() {
    ResponseEntity<String> response = rest.getForEntity("/api/applications", String.class);
    assertProblem(response, HttpStatus.UNAUTHORIZED);
  }

  // --- the pipeline around intake ----------------------------------------------------------

  @Test
  void theConfirmationCarryingTheStatusLinkIsWrittenWithTheApplicationAndSentByThePipeline()
      throws Exception {
    JsonNode answer = submitted(validApplication());
    String reference = answer.get("reference").asText();
    String token = answer.get("statusToken").asText();

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                "SENT".equals(
                    jdbc.queryForList(
                            "select status from notification where dedup_key = ?", String.class, reference + ":confirmation")
                        .stream().findFirst().orElse(null)));
    String body =
        jdbc.queryForObject("select body from notification where dedup_key = ?", String.class, reference + ":confirmation");
    assertThat(body).contains(reference).contains("/applications/" + reference + "?token=" + token);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification where application_reference = ?", Integer.class, reference))
        .as("one confirmation, no second one from the pipeline")
        .isEqualTo(1);
  }

  @Test
  void aDeclinedApplicationEndsNotAdvancedAndTheCandidateMayApplyAgain() throws Exception {
    ObjectNode body = validApplication();
    JsonNode answer = submitted(body);
    String reference = answer.get("reference").asText();
    String processInstanceId =
        jdbc.queryForObject("select process_instance_id from application where reference = ?", String.class, reference);
    // the confirmation goes out, then a passing result arrives and the case reaches vetting
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                runtimeService.createExecutionQuery().processInstanceId(processInstanceId)
                        .activityId(HiringPipeline.TASK_AWAIT_ASSESSMENT).count()
                    == 1);
    assessmentResults.record(
        reference,
        org.racetoplace.assessment.RecordedResult.byStaff(ProgrammingLanguage.JAVA, 90, 90, Map.of()),
        "staff");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> taskService.createTaskQuery().processInstanceId(processInstanceId).count() == 1);

    taskService.complete(
        taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(),
        java.util.Map.of(
            HiringPipeline.VAR_VETTING_DECISION, HiringPipeline.DECISION_DECLINE,
            HiringPipeline.VAR_VETTING_RATIONALE, "No evidence yet of the skills the role needs."));

    awaitEnded(processInstanceId);
    assertThat(
            jdbc.queryForObject("select status from application where reference = ?", String.class, reference))
        .isEqualTo("NOT_ADVANCED");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification where dedup_key = ?", Integer.class, reference + ":not-advanced"))
        .isEqualTo(1);
    assertThat(submit(body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  /** Mail steps run in jobs of their own: a case ends once the job executor has run them. */
  private void awaitEnded(String processInstanceId) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                        .singleResult().getEndTime()
                    != null);
  }
}
