package org.racetoplace.assessment.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.racetoplace.application.ProgrammingLanguage;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A sitting follows {@code hiring.assessment.built-in.*} as configured, not the defaults (45
 * minutes, 14 + 8 items): here a 20-minute limit and a form of 7 fundamentals and 5 language items,
 * with the server's clock in the test's hand. {@link BuiltInAssessmentApiTest} covers the defaults.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=false",
      // no demo data: a quicker start
      "spring.profiles.active=configured-sitting-test",
      "hiring.admin.password=configured-sitting-test",
      "hiring.assessment.built-in.sweep-interval=PT1H",
      "hiring.assessment.built-in.time-limit=PT20M",
      "hiring.assessment.built-in.fundamentals-items=7",
      "hiring.assessment.built-in.language-items=5"
    })
@Import(MutableClockConfiguration.class)
class ConfiguredSittingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROCESS = "configured-sitting-test";
  private static final Duration LIMIT = Duration.ofMinutes(20);
  private static final int FUNDAMENTALS_ITEMS = 7;
  private static final int LANGUAGE_ITEMS = 5;

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ApplicationContext context;
  @Autowired MutableClock clock;
  @Autowired ItemBank bank;
  @Autowired BuiltInAssessmentProperties properties;

  private SittingRequests requests;

  @BeforeEach
  void setUp() {
    requests = new SittingRequests(rest, bank);
    clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    // a case waiting at the message as stage Assess does, with its deadline timer
    StandInAssessStage.deploy(repositoryService, PROCESS);
  }

  private static <T> Map<T, Long> countBy(List<JsonNode> items, Function<JsonNode, T> key) {
    return items.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  private static long spread(Map<?, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).max().orElse(0)
        - counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
  }

  @Test
  void theConfigurationIsBoundAsWritten() {
    assertThat(properties.timeLimit()).isEqualTo(LIMIT);
    assertThat(properties.fundamentalsItems()).isEqualTo(FUNDAMENTALS_ITEMS);
    assertThat(properties.languageItems()).isEqualTo(LANGUAGE_ITEMS);
  }

  @Test
  void aSittingHasTheConfiguredFormSizeAndTimeLimit() throws Exception {
    Created application = new TestApplications(context).create("birmingham");
    runtimeService.startProcessInstanceByKey(PROCESS, application.reference());
    String path = "/api/applications/" + application.reference() + "/assessment";
    Instant startedAt = clock.instant();

    JsonNode invitation = JSON.readTree(requests.call(HttpMethod.GET, path, application.token(), null).getBody());
    assertThat(invitation.get("timeLimitSeconds").asLong()).isEqualTo(LIMIT.toSeconds());

    ResponseEntity<String> started = requests.call(HttpMethod.POST, path, application.token(), null);

    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode sitting = JSON.readTree(started.getBody());
    assertThat(sitting.get("timeLimitSeconds").asLong()).isEqualTo(LIMIT.toSeconds());
    assertThat(Instant.parse(sitting.get("deadline").asText())).isEqualTo(startedAt.plus(LIMIT));
    assertThat(sitting.get("remainingSeconds").asLong()).isEqualTo(LIMIT.toSeconds());
    assertThat(sitting.get("itemCount").asInt()).isEqualTo(FUNDAMENTALS_ITEMS + LANGUAGE_ITEMS);
    List<JsonNode> items = new ArrayList<>();
    sitting.get("items").forEach(items::add);
    assertThat(items).hasSize(FUNDAMENTALS_ITEMS + LANGUAGE_ITEMS);
    assertThat(items.stream().map(item -> item.get("id").asText()).distinct()).hasSize(items.size());
    List<JsonNode> fundamentals =
        items.stream().filter(item -> item.get("section").asText().equals("fundamentals")).toList();
    List<JsonNode> language =
        items.stream().filter(item -> item.get("section").asText().equals("language")).toList();
    assertThat(fundamentals).hasSize(FUNDAMENTALS_ITEMS);
    assertThat(language).hasSize(LANGUAGE_ITEMS).allSatisfy(item -> assertThat(item.get("id").asText()).startsWith("java-"));
    // still balanced by topic at this size (round-robin): 7 items over the 7 fundamentals topics
    // is one each, 5 over Java's 4 topics two of one and one of the others
    Map<String, Long> perTopic = countBy(fundamentals, item -> item.get("topic").asText());
    assertThat(perTopic.keySet()).containsExactlyInAnyOrderElementsOf(bank.fundamentals().topics());
    assertThat(spread(perTopic)).as("fundamentals topics: %s", perTopic).isZero();
    Map<String, Long> perLanguageTopic = countBy(language, item -> item.get("topic").asText());
    assertThat(perLanguageTopic.keySet())
        .containsExactlyInAnyOrderElementsOf(bank.language(ProgrammingLanguage.JAVA).orElseThrow().topics());
    assertThat(spread(perLanguageTopic)).as("language topics: %s", perLanguageTopic).isLessThanOrEqualTo(1);

    // the configured 20 minutes, not the default 45: an answer a second before counts, at the
    // deadline it is refused and the sitting is scored as it stood
    String first = fundamentals.get(0).get("id").asText();
    String second = fundamentals.get(1).get("id").asText();
    clock.set(startedAt.plus(LIMIT).minusSeconds(1));
    ResponseEntity<String> inTime =
        requests.call(HttpMethod.PUT, path + "/answers/" + first, application.token(), requests.rightAnswer(first));
    assertThat(inTime.getStatusCode()).as(inTime.getBody()).isEqualTo(HttpStatus.OK);
    clock.set(startedAt.plus(LIMIT));

    ResponseEntity<String> late =
        requests.call(HttpMethod.PUT, path + "/answers/" + second, application.token(), requests.rightAnswer(second));

    assertThat(late.getStatusCode()).as(late.getBody()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(JSON.readTree(late.getBody()).get("reason").asText()).isEqualTo("time-up");
    Map<String, Object> row =
        jdbc.queryForMap(
            "select s.status, s.raw_score, s.max_score, r.raw_score as result_raw, r.max_score as result_max"
                + " from assessment_sitting s join application a on a.id = s.application_id"
                + " join assessment_result r on r.id = s.result_id where a.reference = ?",
            application.reference());
    assertThat(row)
        .containsEntry("STATUS", "TIMED_OUT")
        .containsEntry("RAW_SCORE", 1)
        .containsEntry("MAX_SCORE", FUNDAMENTALS_ITEMS + LANGUAGE_ITEMS)
        .containsEntry("RESULT_RAW", 1)
        .containsEntry("RESULT_MAX", FUNDAMENTALS_ITEMS + LANGUAGE_ITEMS);
  }
}
