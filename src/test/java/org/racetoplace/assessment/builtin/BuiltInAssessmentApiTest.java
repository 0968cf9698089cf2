package org.racetoplace.assessment.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.testing.MutableClock;
import org.racetoplace.testing.StandInAssessStage;
import org.racetoplace.vetting.TestApplications;
import org.racetoplace.vetting.TestApplications.Created;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The candidate's built-in assessment over HTTP, with the server's clock in the test's hand: start,
 * resume, autosave, submit, the time limit, the sweep, the invitation's deadline, and every
 * refusal as problem+json. The waiting case is a test-only model with the real ids (receive task
 * {@code Task_AwaitAssessment} on message {@code AssessmentCompleted}, boundary timer {@code
 * Timer_AssessmentDeadline}), started with the reference of a stored application; the job executor
 * is off, so nothing moves unless the test moves it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // the test calls the sweep itself
      "hiring.assessment.built-in.sweep-interval=PT1H"
    })
@Import(MutableClockConfiguration.class)
class BuiltInAssessmentApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROCESS = "built-in-assessment-test";
  private static final String HOLD = StandInAssessStage.HOLD;
  private static final Duration LIMIT = Duration.ofMinutes(45);
  /** Field names that would give an answer away; none may appear anywhere in an answer. */
  private static final Set<String> SECRET_FIELDS =
      Set.of(
          "key", "keys", "keyOptions", "acceptedAnswers", "accepted", "correct", "match", "rawScore", "maxScore",
          "score");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired ApplicationContext context;
  @Autowired MutableClock clock;
  @Autowired ItemBank bank;
  @Autowired BuiltInAssessmentService service;

  private SittingRequests requests;

  @BeforeEach
  void setUp() {
    requests = new SittingRequests(rest, bank);
    clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    StandInAssessStage.deploy(repositoryService, PROCESS);
  }

  // --- helpers ------------------------------------------------------------------------------

  /** A stored application (languages Java, then Python) whose case waits for a result. */
  private record Invited(String reference, String token, ProcessInstance instance) {}

  private Invited invited() {
    Created application = new TestApplications(context).create("birmingham");
    return new Invited(
        application.reference(),
        application.token(),
        runtimeService.startProcessInstanceByKey(PROCESS, application.reference()));
  }

  private ResponseEntity<String> start(Invited invited, String body) {
    return requests.call(
        HttpMethod.POST, "/api/applications/" + invited.reference() + "/assessment", invited.token(), body);
  }

  private ResponseEntity<String> state(Invited invited) {
    return requests.call(
        HttpMethod.GET, "/api/applications/" + invited.reference() + "/assessment", invited.token(), null);
  }

  private ResponseEntity<String> answer(Invited invited, String itemId, String body) {
    return requests.call(
        HttpMethod.PUT,
        "/api/applications/" + invited.reference() + "/assessment/answers/" + itemId,
        invited.token(),
        body);
  }

  private ResponseEntity<String> submit(Invited invited) {
    return requests.call(
        HttpMethod.POST, "/api/applications/" + invited.reference() + "/assessment/submit", invited.token(), null);
  }

  private static JsonNode json(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody());
  }

  private JsonNode started(Invited invited) throws Exception {
    ResponseEntity<String> response = start(invited, null);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    return json(response);
  }

  private static List<JsonNode> items(JsonNode sitting) {
    List<JsonNode> items = new ArrayList<>();
    sitting.get("items").forEach(items::add);
    return items;
  }

  /** The body of a wrong answer: a wrong option, every option, or a text nobody accepts. */
  private String wrongAnswer(String itemId) {
    BankItem item = bank.item(itemId).orElseThrow();
    ObjectNode body = JSON.createObjectNode();
    switch (item.kind()) {
      case SINGLE_CHOICE ->
          body.put(
              "choice", item.optionIds().stream().filter(id -> !item.keyOptions().contains(id)).findFirst().orElseThrow());
      case MULTIPLE_CHOICE -> item.optionIds().forEach(body.putArray("choices")::add);
      case OUTPUT_PREDICTION, SHORT_ANSWER -> body.put("text", "surely not this");
    }
    return body.toString();
  }

  private void assertSaved(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
  }

  private static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isNotNull()
        .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(response.getBody()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  private static void assertConflict(ResponseEntity<String> response, String reason) throws Exception {
    assertProblem(response, HttpStatus.CONFLICT);
    assertThat(json(response).get("reason").asText()).isEqualTo(reason);
  }

  private static List<String> fieldsOf(ResponseEntity<String> response) throws Exception {
    List<String> fields = new ArrayList<>();
    json(response).get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        names.add(field.getKey());
        names.addAll(fieldNames(field.getValue()));
      }
    } else if (node.isArray()) {
      node.forEach(child -> names.addAll(fieldNames(child)));
    }
    return names;
  }

  private Map<String, Object> sittingRow(String reference) {
    return jdbc.queryForMap(
        "select s.* from assessment_sitting s join application a on a.id = s.application_id where a.reference = ?",
        reference);
  }

  private long sittingsOf(String reference) {
    return jdbc.queryForObject(
        "select count(*) from assessment_sitting s join application a on a.id = s.application_id where a.reference = ?",
        Long.class,
        reference);
  }

  private long resultsOf(String reference) {
    return jdbc.queryForObject(
        "select count(*) from assessment_result r join application a on a.id = r.application_id where a.reference = ?",
        Long.class,
        reference);
  }

  private boolean passedTheMessage(ProcessInstance instance) {
    return runtimeService.createExecutionQuery().processInstanceId(instance.getId()).activityId(HOLD).count() == 1;
  }

  private Job deadlineTimer(ProcessInstance instance) {
    return managementService
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(HiringPipeline.TIMER_ASSESSMENT_DEADLINE)
        .singleResult();
  }

  // --- starting -----------------------------------------------------------------------------

  @Test
  void startingDrawsABalancedFormForTheFirstLanguageAndShowsNoKey() throws Exception {
    Invited invited = invited();
    Instant now = clock.instant();

    ResponseEntity<String> response = start(invited, null);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getHeaders().getLocation()).isNotNull();
    assertThat(response.getHeaders().getLocation().getPath())
        .isEqualTo("/api/applications/" + invited.reference() + "/assessment");
    assertThat(response.getHeaders().getCacheControl()).contains("no-store");
    JsonNode sitting = json(response);
    assertThat(sitting.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(sitting.get("language").asText()).as("the first of Java, Python").isEqualTo("Java");
    assertThat(Instant.parse(sitting.get("startedAt").asText())).isEqualTo(now);
    assertThat(Instant.parse(sitting.get("deadline").asText())).isEqualTo(now.plus(LIMIT));
    assertThat(sitting.get("remainingSeconds").asLong()).isEqualTo(LIMIT.toSeconds());
    assertThat(sitting.get("timeLimitSeconds").asLong()).isEqualTo(LIMIT.toSeconds());
    assertThat(sitting.get("invitation").get("open").asBoolean()).isTrue();
    assertThat(Instant.parse(sitting.get("invitation").get("deadline").asText()))
        .isEqualTo(deadlineTimer(invited.instance()).getDuedate().toInstant());
    assertThat(sitting.get("itemCount").asInt()).isEqualTo(22);
    assertThat(sitting.get("answeredCount").asInt()).isZero();

    List<JsonNode> items = items(sitting);
    assertThat(items).hasSize(22);
    assertThat(items.stream().map(item -> item.get("id").asText()).distinct()).hasSize(22);
    assertThat(items.stream().map(item -> item.get("number").asInt())).containsExactlyElementsOf(
        IntStream.rangeClosed(1, 22).boxed().toList());
    assertThat(items.stream().filter(item -> item.get("section").asText().equals("fundamentals"))).hasSize(14);
    assertThat(items.stream().filter(item -> item.get("section").asText().equals("language")))
        .hasSize(8)
        .allSatisfy(item -> assertThat(item.get("id").asText()).startsWith("java-"));
    Map<String, Long> perTopic =
        items.stream()
            .filter(item -> item.get("section").asText().equals("fundamentals"))
            .collect(Collectors.groupingBy(item -> item.get("topic").asText(), Collectors.counting()));
    assertThat(perTopic.keySet())
        .as("every fundamentals topic")
        .containsExactlyInAnyOrderElementsOf(bank.fundamentals().topics());
    assertThat(perTopic.values().stream().mapToLong(Long::longValue).max().getAsLong()
            - perTopic.values().stream().mapToLong(Long::longValue).min().getAsLong())
        .as("topics differ by one item at most: %s", perTopic)
        .isLessThanOrEqualTo(1);
    for (JsonNode item : items) {
      BankItem bankItem = bank.item(item.get("id").asText()).orElseThrow();
      assertThat(item.get("prompt").asText()).isEqualTo(bankItem.prompt());
      assertThat(item.get("kind").asText()).isEqualTo(bankItem.kind().code());
      assertThat(item.has("answer")).isTrue();
      assertThat(item.get("answer").isNull()).isTrue();
      if (bankItem.kind().isChoice()) {
        List<String> shown = new ArrayList<>();
        item.get("options").forEach(option -> {
          shown.add(option.get("id").asText());
          assertThat(option.get("text").asText()).isEqualTo(bankItem.option(option.get("id").asText()).orElseThrow().text());
        });
        assertThat(shown).containsExactlyInAnyOrderElementsOf(bankItem.optionIds());
      } else {
        assertThat(item.has("options")).isFalse();
      }
    }
    assertThat(fieldNames(sitting)).doesNotContainAnyElementsOf(SECRET_FIELDS).doesNotContain("difficulty");

    // the order shown is the order stored
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select i.item_id, i.option_order from assessment_sitting_item i join assessment_sitting s on s.id = i.sitting_id"
                + " join application a on a.id = s.application_id where a.reference = ? order by i.form_position",
            invited.reference());
    assertThat(rows.stream().map(row -> row.get("ITEM_ID"))).containsExactlyElementsOf(
        items.stream().map(item -> item.get("id").asText()).toList());
    assertThat(sittingRow(invited.reference()))
        .containsEntry("STATUS", "IN_PROGRESS")
        .containsEntry("LANGUAGE", "Java")
        .containsEntry("BANK_VERSION", bank.fundamentals().versionTag() + " java@1");
  }

  @Test
  void theCandidateMayChooseAnotherOfTheirLanguages() throws Exception {
    Invited invited = invited();

    ResponseEntity<String> response = start(invited, "{\"language\":\"python\"}");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode sitting = json(response);
    assertThat(sitting.get("language").asText()).isEqualTo("Python");
    assertThat(items(sitting).stream().filter(item -> item.get("section").asText().equals("language")))
        .allSatisfy(item -> assertThat(item.get("id").asText()).startsWith("py-"));
  }

  @Test
  void aLanguageTheCandidateMayNotChooseIs400AndStartsNothing() throws Exception {
    Invited invited = invited();

    ResponseEntity<String> notTheirs = start(invited, "{\"language\":\"C#\"}");
    assertProblem(notTheirs, HttpStatus.BAD_REQUEST);
    assertThat(fieldsOf(notTheirs)).containsExactly("language");
    assertThat(json(notTheirs).get("errors").get(0).get("message").asText()).endsWith("Java, Python");

    ResponseEntity<String> wrongShape = start(invited, "{\"language\":5,\"lang\":\"Java\"}");
    assertProblem(wrongShape, HttpStatus.BAD_REQUEST);
    assertThat(fieldsOf(wrongShape)).containsExactly("lang", "language");

    ResponseEntity<String> malformed = start(invited, "{\"language\":");
    assertProblem(malformed, HttpStatus.BAD_REQUEST);
    assertThat(json(malformed).get("type").asText()).endsWith("/malformed-json");

    assertThat(sittingsOf(invited.reference())).isZero();
  }

  @Test
  void beforeTheStartTheStateShowsTheInvitationAndTheLanguages() throws Exception {
    Invited invited = invited();

    ResponseEntity<String> response = state(invited);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getCacheControl()).contains("no-store");
    JsonNode view = json(response);
    assertThat(view.get("status").asText()).isEqualTo("NOT_STARTED");
    assertThat(view.get("invitation").get("open").asBoolean()).isTrue();
    assertThat(view.get("invitation").get("deadline").asText()).isNotBlank();
    assertThat(view.get("languages")).extracting(JsonNode::asText).containsExactly("Java", "Python");
    assertThat(view.get("timeLimitSeconds").asLong()).isEqualTo(LIMIT.toSeconds());
    assertThat(view.has("items")).isFalse();
  }

  @Test
  void theTokenIsCheckedAsForTheStatusAndAWrongOneRevealsNothing() throws Exception {
    Invited invited = invited();
    started(invited);
    String path = "/api/applications/" + invited.reference() + "/assessment";

    ResponseEntity<String> wrongToken = requests.call(HttpMethod.GET, path, "not-the-token", null);
    ResponseEntity<String> noToken = requests.call(HttpMethod.GET, path, null, null);
    ResponseEntity<String> unknown =
        requests.call(HttpMethod.GET, "/api/applications/BHM-999999/assessment", "x", null);
    ResponseEntity<String> startWithWrongToken = requests.call(HttpMethod.POST, path, "not-the-token", null);
    ResponseEntity<String> answerWithWrongToken =
        requests.call(HttpMethod.PUT, path + "/answers/fun-vt-01", "not-the-token", "{\"choice\":\"a\"}");
    ResponseEntity<String> submitWithWrongToken =
        requests.call(HttpMethod.POST, path + "/submit", "not-the-token", null);

    for (ResponseEntity<String> response :
        List.of(wrongToken, noToken, unknown, startWithWrongToken, answerWithWrongToken, submitWithWrongToken)) {
      assertProblem(response, HttpStatus.NOT_FOUND);
      assertThat(json(response).get("detail").asText()).isEqualTo(json(unknown).get("detail").asText());
    }
    ResponseEntity<String> withQueryToken =
        requests.call(HttpMethod.GET, path + "?token=" + invited.token(), null, null);
    assertThat(withQueryToken.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(sittingRow(invited.reference())).containsEntry("STATUS", "IN_PROGRESS");
  }

  @Test
  void twoStartsAtOnceMakeOneSitting() throws Exception {
    Invited invited = invited();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<ResponseEntity<String>> startIt = () -> start(invited, null);
      Future<ResponseEntity<String>> first = pool.submit(startIt);
      Future<ResponseEntity<String>> second = pool.submit(startIt);
      List<ResponseEntity<String>> answers = List.of(first.get(), second.get());

      assertThat(answers).extracting(ResponseEntity::getStatusCode)
          .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.OK);
      assertThat(items(json(answers.get(0)))).extracting(item -> item.get("id").asText())
          .containsExactlyElementsOf(items(json(answers.get(1))).stream().map(item -> item.get("id").asText()).toList());
      assertThat(sittingsOf(invited.reference())).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  // --- answering and resuming ---------------------------------------------------------------

  @Test
  void aReconnectResumesTheSameFormWithTheSavedAnswersAndTheTimeLeft() throws Exception {
    Invited invited = invited();
    JsonNode first = started(invited);
    List<JsonNode> items = items(first);
    String one = items.get(0).get("id").asText();
    String two = items.get(5).get("id").asText();
    assertSaved(answer(invited, one, requests.rightAnswer(one)));
    assertSaved(answer(invited, two, wrongAnswer(two)));
    clock.advance(Duration.ofMinutes(10));

    ResponseEntity<String> resumed = start(invited, null);

    assertThat(resumed.getStatusCode()).as(resumed.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode again = json(resumed);
    assertThat(again.get("remainingSeconds").asLong()).isEqualTo(LIMIT.minusMinutes(10).toSeconds());
    assertThat(again.get("answeredCount").asInt()).isEqualTo(2);
    List<JsonNode> resumedItems = items(again);
    for (int i = 0; i < items.size(); i++) {
      assertThat(resumedItems.get(i).get("id")).isEqualTo(items.get(i).get("id"));
      assertThat(resumedItems.get(i).get("options")).isEqualTo(items.get(i).get("options"));
    }
    assertThat(JSON.readTree(requests.rightAnswer(one))).isEqualTo(resumedItems.get(0).get("answer"));
    assertThat(JSON.readTree(wrongAnswer(two))).isEqualTo(resumedItems.get(5).get("answer"));
    assertThat(state(invited).getBody()).isEqualTo(resumed.getBody());
  }

  @Test
  void savingTheSameAnswerAgainChangesNothingAndNullClearsIt() throws Exception {
    Invited invited = invited();
    String itemId = items(started(invited)).get(3).get("id").asText();

    JsonNode saved = json(answer(invited, itemId, requests.rightAnswer(itemId)));
    clock.advance(Duration.ofMinutes(1));
    JsonNode again = json(answer(invited, itemId, requests.rightAnswer(itemId)));

    assertThat(saved.get("itemId").asText()).isEqualTo(itemId);
    assertThat(saved.get("answeredCount").asInt()).isEqualTo(1);
    assertThat(saved.get("itemCount").asInt()).isEqualTo(22);
    assertThat(again.get("answeredAt")).as("an autosave repeated is no new answer").isEqualTo(saved.get("answeredAt"));
    assertThat(again.get("remainingSeconds").asLong()).isEqualTo(saved.get("remainingSeconds").asLong() - 60);

    String field = SittingRequestReader.fieldFor(bank.item(itemId).orElseThrow().kind());
    JsonNode cleared = json(answer(invited, itemId, "{\"" + field + "\":null}"));
    assertThat(cleared.get("answer").isNull()).isTrue();
    assertThat(cleared.get("answeredCount").asInt()).isZero();
  }

  /**
   * A started sitting whose form has every kind of item. Forms are drawn at random; nearly every
   * form has all four kinds, and the few that do not are simply drawn again for a new application.
   */
  private Invited startedWithEveryKind() throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      Invited invited = invited();
      Set<ItemKind> kinds = new HashSet<>();
      items(started(invited)).forEach(item -> kinds.add(bank.item(item.get("id").asText()).orElseThrow().kind()));
      if (kinds.size() == ItemKind.values().length) {
        return invited;
      }
    }
    throw new AssertionError("twenty forms without every kind of item");
  }

  @Test
  void answersOfTheWrongShapeAre400WithEveryFieldAndSaveNothing() throws Exception {
    Invited invited = startedWithEveryKind();
    List<JsonNode> items = items(json(state(invited)));
    String single = idOfKind(items, ItemKind.SINGLE_CHOICE);
    String multiple = idOfKind(items, ItemKind.MULTIPLE_CHOICE);
    String typed = items.stream()
        .map(item -> item.get("id").asText())
        .filter(id -> !bank.item(id).orElseThrow().kind().isChoice())
        .findFirst()
        .orElseThrow();

    ResponseEntity<String> unknownOption = answer(invited, single, "{\"choice\":\"zz\"}");
    assertProblem(unknownOption, HttpStatus.BAD_REQUEST);
    assertThat(fieldsOf(unknownOption)).containsExactly("choice");
    assertThat(json(unknownOption).get("title").asText()).isEqualTo("Invalid answer");

    ResponseEntity<String> wrongField = answer(invited, single, "{\"choices\":[\"a\"]}");
    assertProblem(wrongField, HttpStatus.BAD_REQUEST);
    assertThat(fieldsOf(wrongField)).containsExactly("choice", "choices");

    ResponseEntity<String> badChoices = answer(invited, multiple, "{\"choices\":[\"a\",\"a\",\"zz\",3]}");
    assertProblem(badChoices, HttpStatus.BAD_REQUEST);
    assertThat(fieldsOf(badChoices)).containsExactly("choices[1]", "choices[2]", "choices[3]");

    ResponseEntity<String> notAList = answer(invited, multiple, "{\"choices\":\"a\"}");
    assertProblem(notAList, HttpStatus.BAD_REQUEST);
    assertThat(fieldsOf(notAList)).containsExactly("choices");

    ResponseEntity<String> notText = answer(invited, typed, "{\"text\":42}");
    assertProblem(notText, HttpStatus.BAD_REQUEST);
    assertThat(fieldsOf(notText)).containsExactly("text");

    ResponseEntity<String> tooLong = answer(invited, typed, "{\"text\":\"" + "x".repeat(501) + "\"}");
    assertProblem(tooLong, HttpStatus.BAD_REQUEST);
    assertThat(fieldsOf(tooLong)).containsExactly("text");

    ResponseEntity<String> notAnObject = answer(invited, typed, "[\"42\"]");
    assertProblem(notAnObject, HttpStatus.BAD_REQUEST);
    assertThat(json(notAnObject).get("type").asText()).endsWith("/malformed-json");

    assertThat(json(state(invited)).get("answeredCount").asInt()).isZero();
  }

  private String idOfKind(List<JsonNode> items, ItemKind kind) {
    return items.stream()
        .map(item -> item.get("id").asText())
        .filter(id -> bank.item(id).orElseThrow().kind() == kind)
        .findFirst()
        .orElseThrow(() -> new AssertionError("the form has no " + kind + " item"));
  }

  @Test
  void aQuestionNotInTheSittingIs404AndAnswersBeforeTheStartAre409() throws Exception {
    Invited notStarted = invited();
    assertConflict(answer(notStarted, "fun-vt-01", "{\"choice\":\"a\"}"), "not-started");
    assertConflict(submit(notStarted), "not-started");

    Invited invited = invited();
    Set<String> drawn = new HashSet<>();
    items(started(invited)).forEach(item -> drawn.add(item.get("id").asText()));
    String notDrawn =
        bank.fundamentals().items().stream().map(BankItem::id).filter(id -> !drawn.contains(id)).findFirst().orElseThrow();

    ResponseEntity<String> response = answer(invited, notDrawn, "{\"choice\":\"a\"}");

    assertProblem(response, HttpStatus.NOT_FOUND);
    assertThat(json(response).get("title").asText()).isEqualTo("Question not found");
    assertProblem(answer(invited, "no-such-item", "{\"text\":\"a\"}"), HttpStatus.NOT_FOUND);
  }

  // --- submitting ---------------------------------------------------------------------------

  @Test
  void submittingScoresOnTheServerAndTheResultReachesTheCase() throws Exception {
    Invited invited = invited();
    List<JsonNode> items = items(started(invited));
    // every fundamentals item right, every language item wrong: 100 and 0
    for (JsonNode item : items) {
      String id = item.get("id").asText();
      boolean fundamentals = item.get("section").asText().equals("fundamentals");
      assertSaved(answer(invited, id, fundamentals ? requests.rightAnswer(id) : wrongAnswer(id)));
    }
    clock.advance(Duration.ofMinutes(20));
    Instant submittedAt = clock.instant();

    ResponseEntity<String> response = submit(invited);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode submitted = json(response);
    assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(Instant.parse(submitted.get("finishedAt").asText())).isEqualTo(submittedAt);
    assertThat(submitted.has("items")).as("the form is not shown once it is over").isFalse();
    assertThat(submitted.get("answeredCount").asInt()).isEqualTo(22);
    assertThat(fieldNames(submitted)).doesNotContainAnyElementsOf(SECRET_FIELDS);

    Map<String, Object> sitting = sittingRow(invited.reference());
    assertThat(sitting)
        .containsEntry("STATUS", "SUBMITTED")
        .containsEntry("RAW_SCORE", 14)
        .containsEntry("MAX_SCORE", 22);
    long resultId = ((Number) sitting.get("RESULT_ID")).longValue();
    assertThat(jdbc.queryForMap("select * from assessment_result where id = ?", resultId))
        .containsEntry("SOURCE", "BUILT_IN")
        .containsEntry("PROVIDER", null)
        .containsEntry("RECORDED_BY", null)
        .containsEntry("LANGUAGE", "Java")
        .containsEntry("FUNDAMENTALS_SCORE", 100)
        .containsEntry("LANGUAGE_SCORE", 0)
        // 0.6 × 100 + 0.4 × 0
        .containsEntry("SCALED_SCORE", 60)
        // the raw score is the result's as well as the sitting's
        .containsEntry("RAW_SCORE", 14)
        .containsEntry("MAX_SCORE", 22);
    Map<String, Integer> topics = new HashMap<>();
    jdbc.queryForList("select topic, score from assessment_topic_score where result_id = ?", resultId)
        .forEach(row -> topics.put((String) row.get("TOPIC"), ((Number) row.get("SCORE")).intValue()));
    Map<String, Integer> expected = new HashMap<>();
    ItemBankSanityTest.FUNDAMENTALS_TOPICS.forEach(topic -> expected.put(topic, 100));
    bank.language(ProgrammingLanguage.JAVA).orElseThrow().topics()
        .forEach(topic -> expected.put("java." + topic, 0));
    assertThat(topics).isEqualTo(expected);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from assessment_sitting_item where sitting_id = ? and correct = true",
                Long.class,
                sitting.get("ID")))
        .isEqualTo(14);

    // staff see the raw score with the result (the candidate's answers above never show it)
    JsonNode profile =
        JSON.readTree(
            rest.withBasicAuth("staff", "demo")
                .getForObject("/api/applications/" + invited.reference() + "/profile", String.class));
    assertThat(profile.get("assessment").get("rawScore").asInt()).isEqualTo(14);
    assertThat(profile.get("assessment").get("maxScore").asInt()).isEqualTo(22);
    assertThat(profile.get("assessment").get("scaledScore").asInt()).isEqualTo(60);
    JsonNode exported =
        JSON.readTree(
                rest.withBasicAuth("staff", "demo")
                    .getForObject("/api/applications/" + invited.reference() + "/personal-data", String.class))
            .get("applications").get(0).get("assessmentResults").get(0);
    assertThat(exported.get("rawScore").asInt()).isEqualTo(14);
    assertThat(exported.get("maxScore").asInt()).isEqualTo(22);

    assertThat(passedTheMessage(invited.instance())).as("AssessmentCompleted reached the case").isTrue();
    assertThat(runtimeService.getVariable(invited.instance().getId(), HiringPipeline.VAR_ASSESSMENT_RESULT_ID))
        .isEqualTo(resultId);
    assertThat(runtimeService.getVariables(invited.instance().getId()))
        .as("no answers, no scores, no personal data in the case")
        .containsOnlyKeys(HiringPipeline.VAR_ASSESSMENT_RESULT_ID);

    // submitting again answers as the first time; nothing else is taken
    ResponseEntity<String> again = submit(invited);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(again).get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(resultsOf(invited.reference())).isEqualTo(1);
    String anyItem = items.get(0).get("id").asText();
    assertConflict(answer(invited, anyItem, requests.rightAnswer(anyItem)), "sitting-finished");
    // one sitting per application
    ResponseEntity<String> secondSitting = start(invited, null);
    assertConflict(secondSitting, "already-taken");
    assertThat(json(secondSitting).get("sittingStatus").asText()).isEqualTo("SUBMITTED");
    assertThat(sittingsOf(invited.reference())).isEqualTo(1);
  }

  // --- the time limit -----------------------------------------------------------------------

  @Test
  void afterTheTimeLimitAnswersAreRefusedAndTheSittingIsScoredAsItStood() throws Exception {
    Invited invited = invited();
    JsonNode sitting = started(invited);
    Instant deadline = Instant.parse(sitting.get("deadline").asText());
    List<String> fundamentals = items(sitting).stream()
        .filter(item -> item.get("section").asText().equals("fundamentals"))
        .map(item -> item.get("id").asText())
        .toList();
    for (String id : fundamentals.subList(0, 3)) {
      assertSaved(answer(invited, id, requests.rightAnswer(id)));
    }
    clock.set(deadline.minusSeconds(1));
    assertSaved(answer(invited, fundamentals.get(3), requests.rightAnswer(fundamentals.get(3))));
    clock.set(deadline);

    ResponseEntity<String> late = answer(invited, fundamentals.get(4), requests.rightAnswer(fundamentals.get(4)));

    assertConflict(late, "time-up");
    assertThat(Instant.parse(json(late).get("deadline").asText())).isEqualTo(deadline);
    Map<String, Object> row = sittingRow(invited.reference());
    assertThat(row).containsEntry("STATUS", "TIMED_OUT").containsEntry("RAW_SCORE", 4);
    long resultId = ((Number) row.get("RESULT_ID")).longValue();
    assertThat(jdbc.queryForMap("select * from assessment_result where id = ?", resultId))
        .containsEntry("SOURCE", "BUILT_IN")
        // 4 of 14 = 28.6; nothing of the language
        .containsEntry("FUNDAMENTALS_SCORE", 29)
        .containsEntry("LANGUAGE_SCORE", 0)
        .containsEntry("SCALED_SCORE", 17)
        .containsEntry("RAW_SCORE", 4)
        .containsEntry("MAX_SCORE", 22);
    assertThat(
            jdbc.queryForObject("select completed_at from assessment_result where id = ?", Timestamp.class, resultId)
                .toInstant())
        .isEqualTo(deadline);
    assertThat(passedTheMessage(invited.instance())).isTrue();

    JsonNode after = json(state(invited));
    assertThat(after.get("status").asText()).isEqualTo("TIMED_OUT");
    assertThat(after.get("answeredCount").asInt()).isEqualTo(4);
    assertThat(after.has("items")).isFalse();
    assertConflict(submit(invited), "time-up");
    assertThat(resultsOf(invited.reference())).isEqualTo(1);
  }

  @Test
  void aSittingPastItsLimitIsScoredWhenNextLookedAt() throws Exception {
    Invited invited = invited();
    String itemId = items(started(invited)).get(0).get("id").asText();
    assertSaved(answer(invited, itemId, requests.rightAnswer(itemId)));
    clock.advance(LIMIT.plusMinutes(5));

    JsonNode view = json(state(invited));

    assertThat(view.get("status").asText()).isEqualTo("TIMED_OUT");
    assertThat(Instant.parse(view.get("finishedAt").asText())).isEqualTo(Instant.parse(view.get("deadline").asText()));
    assertThat(passedTheMessage(invited.instance())).isTrue();
  }

  @Test
  void theSweepScoresAnAbandonedSitting() throws Exception {
    Invited abandoned = invited();
    String itemId = items(started(abandoned)).get(0).get("id").asText();
    assertSaved(answer(abandoned, itemId, requests.rightAnswer(itemId)));
    Invited stillRunning = invited();
    clock.advance(LIMIT.minusMinutes(1));
    started(stillRunning);
    clock.advance(Duration.ofMinutes(2));

    service.closeOverdueSittings();

    assertThat(sittingRow(abandoned.reference())).containsEntry("STATUS", "TIMED_OUT").containsEntry("RAW_SCORE", 1);
    assertThat(resultsOf(abandoned.reference())).isEqualTo(1);
    assertThat(passedTheMessage(abandoned.instance())).as("the abandoned sitting still reached its case").isTrue();
    assertThat(sittingRow(stillRunning.reference())).containsEntry("STATUS", "IN_PROGRESS");
    assertThat(passedTheMessage(stillRunning.instance())).isFalse();
  }

  // --- the invitation -----------------------------------------------------------------------

  @Test
  void aSittingEndsAtTheInvitationDeadlineWhenThatComesFirst() throws Exception {
    Invited invited = invited();
    Instant stageDeadline = clock.instant().plus(Duration.ofMinutes(10));
    managementService.setJobDuedate(deadlineTimer(invited.instance()).getId(), Date.from(stageDeadline));

    JsonNode sitting = started(invited);

    assertThat(Instant.parse(sitting.get("deadline").asText())).isEqualTo(stageDeadline);
    assertThat(sitting.get("remainingSeconds").asLong()).isEqualTo(600);
    assertThat(Instant.parse(sitting.get("invitation").get("deadline").asText())).isEqualTo(stageDeadline);
  }

  @Test
  void onceTheStageDeadlineIsDueTheInvitationIsClosed() throws Exception {
    Invited invited = invited();
    Instant stageDeadline = clock.instant().minusSeconds(1);
    // due, though the (stopped) job executor has not fired it yet
    managementService.setJobDuedate(deadlineTimer(invited.instance()).getId(), Date.from(stageDeadline));

    assertConflict(start(invited, null), "invitation-closed");

    JsonNode view = json(state(invited));
    assertThat(view.get("status").asText()).isEqualTo("NOT_STARTED");
    assertThat(view.get("invitation").get("open").asBoolean()).isFalse();
    assertThat(Instant.parse(view.get("invitation").get("deadline").asText())).isEqualTo(stageDeadline);
    assertThat(sittingsOf(invited.reference())).isZero();
  }

  @Test
  void withoutAWaitingCaseNoSittingStarts() throws Exception {
    Created application = new TestApplications(context).create("birmingham");
    Invited uninvited = new Invited(application.reference(), application.token(), null);

    assertConflict(start(uninvited, null), "invitation-closed");
    JsonNode view = json(state(uninvited));
    assertThat(view.get("invitation").get("open").asBoolean()).isFalse();
    assertThat(view.get("languages")).extracting(JsonNode::asText).containsExactly("Java", "Python");
  }

  @Test
  void aSittingWhoseCaseStopsWaitingIsCancelledWithoutAResult() throws Exception {
    Invited invited = invited();
    String itemId = items(started(invited)).get(0).get("id").asText();
    runtimeService.deleteProcessInstance(invited.instance().getId(), "candidate withdrew (test)");

    ResponseEntity<String> response = answer(invited, itemId, requests.rightAnswer(itemId));

    assertConflict(response, "sitting-finished");
    assertThat(json(response).get("sittingStatus").asText()).isEqualTo("CANCELLED");
    assertThat(sittingRow(invited.reference()))
        .containsEntry("STATUS", "CANCELLED")
        .containsEntry("RESULT_ID", null);
    assertThat(resultsOf(invited.reference())).isZero();
    assertThat(json(state(invited)).get("status").asText()).isEqualTo("CANCELLED");
    assertConflict(start(invited, null), "already-taken");
  }
}
