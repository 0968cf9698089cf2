package org.racetoplace.assessment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.assessment.AssessmentResultRequestReader;
import org.racetoplace.assessment.AssessmentSource;
import org.racetoplace.assessment.RecordedResult;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.springframework.web.ErrorResponseException;

class ProviderResultReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-20T16:00:00Z");

  private final ProviderResultReader reader =
      new ProviderResultReader(
          JSON, new AssessmentResultRequestReader(JSON), Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

  static final String VALID =
      """
      {"type":"assessment.completed","timestamp":"2026-11-20T15:04:06Z",
       "data":{"applicationReference":"BHM-001042","providerAssessmentId":"cs-7f3a9c",
               "language":"Java","fundamentalsScore":72,"languageScore":64,
               "topicScores":{"control-flow":80,"data-structures":55},
               "completedAt":"2026-11-20T15:04:05Z"}}
      """;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String fieldsOf(Runnable reading) {
    try {
      reading.run();
    } catch (InvalidRequestException e) {
      return String.join(", ", e.getErrors().stream().map(FieldProblem::field).toList());
    }
    throw new AssertionError("the body was accepted");
  }

  @Test
  void readsTheResultAsEverySourceRecordsIt() {
    ProviderResult result = reader.read("codesignal", bytes(VALID));

    assertThat(result.applicationReference()).isEqualTo("BHM-001042");
    assertThat(result.providerAssessmentId()).isEqualTo("cs-7f3a9c");
    assertThat(result.result())
        .isEqualTo(
            new RecordedResult(
                AssessmentSource.PROVIDER,
                "codesignal",
                ProgrammingLanguage.fromName("Java").orElseThrow(),
                72,
                64,
                // the payload has no raw score
                null,
                null,
                Map.of("control-flow", 80, "data-structures", 55),
                Instant.parse("2026-11-20T15:04:05Z")));
  }

  @Test
  void theEnvelopeTimestampTopicsAndProviderIdAreOptional() {
    String minimal =
        """
        {"type":"assessment.completed","data":{"applicationReference":"SEA-000007","language":"c#",
         "fundamentalsScore":0,"languageScore":100,"completedAt":"2026-11-20T10:00:00-05:00"}}
        """;

    ProviderResult result = reader.read("hackerearth", bytes(minimal));

    assertThat(result.providerAssessmentId()).isNull();
    assertThat(result.result().language().displayName()).isEqualTo("C#");
    assertThat(result.result().topicScores()).isEmpty();
    assertThat(result.result().completedAt()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
  }

  @Test
  void namesEveryProblemAtOnceWithItsPath() throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "assessment.started");
    body.put("timestamp", "yesterday");
    body.put("candidateEmail", "ada@example.org");
    ObjectNode data = body.putObject("data");
    data.put("applicationReference", "bhm-1042");
    data.put("providerAssessmentId", "x".repeat(101));
    data.put("language", "Cobol");
    data.put("fundamentalsScore", 101);
    data.put("languageScore", "64");
    data.putObject("topicScores").put("arrays", 72.5);
    data.put("completedAt", "2026-11-20 15:04");
    data.put("name", "Ada Lovelace");

    assertThat(fieldsOf(() -> reader.read("codesignal", bytes(body.toString()))))
        .isEqualTo(
            "candidateEmail, data.applicationReference, data.completedAt, data.fundamentalsScore,"
                + " data.language, data.languageScore, data.name, data.providerAssessmentId,"
                + " data.topicScores.arrays, timestamp, type");
  }

  @Test
  void requiredFieldsAreNamed() {
    assertThat(fieldsOf(() -> reader.read("codesignal", bytes("{}")))).isEqualTo("data, type");
    assertThat(fieldsOf(() -> reader.read("codesignal", bytes("{\"type\":\"assessment.completed\",\"data\":[]}"))))
        .isEqualTo("data");
    assertThat(fieldsOf(() -> reader.read("codesignal", bytes("{\"type\":\"assessment.completed\",\"data\":{}}"))))
        .isEqualTo(
            "data.applicationReference, data.completedAt, data.fundamentalsScore, data.language,"
                + " data.languageScore");
  }

  @Test
  void aCompletionInTheFutureIsRefusedBeyondTheClockSkew() {
    String inTenMinutes = VALID.replace("2026-11-20T15:04:05Z", "2026-11-20T16:10:00Z");
    String inFourMinutes = VALID.replace("2026-11-20T15:04:05Z", "2026-11-20T16:04:00Z");

    assertThat(fieldsOf(() -> reader.read("codesignal", bytes(inTenMinutes)))).isEqualTo("data.completedAt");
    assertThat(reader.read("codesignal", bytes(inFourMinutes)).result().completedAt())
        .isEqualTo(Instant.parse("2026-11-20T16:04:00Z"));
  }

  @Test
  void aBodyThatIsNotOneJsonObjectInUtf8IsMalformed() {
    for (byte[] body :
        new byte[][] {
          bytes("{\"type\":"),
          bytes("[]"),
          bytes(""),
          bytes(VALID + "{}"),
          bytes("{\"type\":\"a\",\"type\":\"b\"}"),
          VALID.getBytes(StandardCharsets.UTF_16),
          {'{', '"', 't', '"', ':', '"', (byte) 0xC3, '"', '}'}
        }) {
      assertThatThrownBy(() -> reader.read("codesignal", body))
          .isInstanceOf(ErrorResponseException.class)
          .satisfies(
              e -> {
                ErrorResponseException error = (ErrorResponseException) e;
                assertThat(error.getStatusCode().value()).isEqualTo(400);
                assertThat(error.getBody().getType().toString()).endsWith("/malformed-json");
              });
    }
  }

  @Test
  void aBodyOver64KbIsTooLarge() {
    byte[] body = bytes(VALID.replace("\"type\"", " ".repeat(ProviderResultReader.MAX_BODY_BYTES) + "\"type\""));

    assertThatThrownBy(() -> reader.read("codesignal", body))
        .isInstanceOf(ErrorResponseException.class)
        .satisfies(e -> assertThat(((ErrorResponseException) e).getStatusCode().value()).isEqualTo(413));
  }
}
