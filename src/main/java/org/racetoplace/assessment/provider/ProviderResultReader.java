package org.racetoplace.assessment.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.racetoplace.application.ApplicationReferences;
import org.racetoplace.assessment.AssessmentResultRequestReader;
import org.racetoplace.assessment.AssessmentResultRequestReader.Scores;
import org.racetoplace.assessment.AssessmentSource;
import org.racetoplace.assessment.RecordedResult;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.racetoplace.platform.web.JsonObjectBodies;
import org.racetoplace.platform.web.ProblemTypes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the body of a verified provider webhook (never an unverified one: the signature covers
 * the raw bytes, which must not be touched before):
 *
 * <pre>{"type":"assessment.completed","timestamp":"2026-11-20T15:04:06Z",
 *  "data":{"applicationReference":"BHM-001042","providerAssessmentId":"cs-7f3a9c",
 *          "language":"Java","fundamentalsScore":72,"languageScore":64,
 *          "topicScores":{"control-flow":80},"completedAt":"2026-11-20T15:04:05Z"}}</pre>
 *
 * The envelope is the one Standard Webhooks recommends ({@code type}, {@code timestamp}, {@code
 * data}); the scores inside {@code data} follow the rules of a staff result ({@link
 * AssessmentResultRequestReader#readScores}). Every field problem is reported at once, named by
 * its path ({@code data.languageScore}); unknown fields are refused, so no personal data slips
 * into the stored payload.
 */
@Component
class ProviderResultReader {

  static final String TITLE = "Invalid assessment result";
  static final String EVENT_TYPE = "assessment.completed";

  /** A valid result is a few KB at most; the inbox column holds this much. */
  static final int MAX_BODY_BYTES = 65_536;

  static final int MAX_PROVIDER_ASSESSMENT_ID_LENGTH = 100;
  static final int MAX_REFERENCE_LENGTH = 20;

  private static final Set<String> ENVELOPE_FIELDS = Set.of("type", "timestamp", "data");
  private static final Set<String> DATA_FIELDS = dataFields();

  private final JsonObjectBodies bodies;
  private final AssessmentResultRequestReader scores;
  private final Duration clockSkew;
  private final Clock clock;

  @Autowired
  ProviderResultReader(
      ObjectMapper objectMapper, AssessmentResultRequestReader scores, ProviderWebhookProperties properties) {
    this(objectMapper, scores, properties.webhookTolerance(), Clock.systemUTC());
  }

  ProviderResultReader(
      ObjectMapper objectMapper, AssessmentResultRequestReader scores, Duration clockSkew, Clock clock) {
    this.bodies = new JsonObjectBodies(objectMapper);
    this.scores = scores;
    this.clockSkew = clockSkew;
    this.clock = clock;
  }

  private static Set<String> dataFields() {
    Set<String> fields = new HashSet<>(AssessmentResultRequestReader.SCORE_FIELDS);
    fields.addAll(Set.of("applicationReference", "providerAssessmentId", "completedAt"));
    return Set.copyOf(fields);
  }

  /**
   * @param provider the provider that sent it, recorded with the result
   * @throws ErrorResponseException 413 for a body over {@value #MAX_BODY_BYTES} bytes; 400
   *     malformed JSON for anything that is not one JSON object in UTF-8
   * @throws InvalidRequestException 400 with every field problem, sorted by field
   */
  ProviderResult read(String provider, byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    requireUtf8(body);
    JsonNode tree = bodies.readObject(body);
    List<FieldProblem> problems = new ArrayList<>();
    unknownFields(tree, ENVELOPE_FIELDS, "", problems);
    eventType(tree.get("type"), problems);
    timestamp(tree.get("timestamp"), "timestamp", false, problems);
    JsonNode data = tree.get("data");
    ProviderResult result = null;
    if (data == null || data.isNull()) {
      problems.add(new FieldProblem("data", "is required"));
    } else if (!data.isObject()) {
      problems.add(new FieldProblem("data", "must be an object"));
    } else {
      result = data(provider, data, problems);
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
      throw new InvalidRequestException(TITLE, problems);
    }
    return result;
  }

  private ProviderResult data(String provider, JsonNode data, List<FieldProblem> problems) {
    unknownFields(data, DATA_FIELDS, "data.", problems);
    String reference = reference(data.get("applicationReference"), problems);
    String assessmentId = providerAssessmentId(data.get("providerAssessmentId"), problems);
    Instant completedAt = timestamp(data.get("completedAt"), "data.completedAt", true, problems);
    if (completedAt != null && completedAt.isAfter(clock.instant().plus(clockSkew))) {
      problems.add(new FieldProblem("data.completedAt", "must not be in the future"));
    }
    Optional<Scores> checked = scores.readScores(data, "data.", problems);
    if (reference == null || completedAt == null || checked.isEmpty()) {
      return null;
    }
    Scores s = checked.get();
    return new ProviderResult(
        reference,
        assessmentId,
        new RecordedResult(
            AssessmentSource.PROVIDER,
            provider,
            s.language(),
            s.fundamentalsScore(),
            s.languageScore(),
            // no raw score: the payload (docs/assessment.md, "Payload") carries subscores only
            null,
            null,
            s.topicScores(),
            completedAt));
  }

  private static void unknownFields(JsonNode node, Set<String> known, String prefix, List<FieldProblem> problems) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                problems.add(new FieldProblem(prefix + name, "is not a known field"));
              }
            });
  }

  private static void eventType(JsonNode node, List<FieldProblem> problems) {
    if (node == null || node.isNull()) {
      problems.add(new FieldProblem("type", "is required"));
    } else if (!node.isTextual() || !node.asText().equals(EVENT_TYPE)) {
      problems.add(new FieldProblem("type", "must be " + EVENT_TYPE));
    }
  }

  private static String reference(JsonNode node, List<FieldProblem> problems) {
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      problems.add(new FieldProblem("data.applicationReference", "is required"));
      return null;
    }
    String reference = node.isTextual() ? node.asText() : "";
    if (reference.length() > MAX_REFERENCE_LENGTH || !ApplicationReferences.FORMAT.matcher(reference).matches()) {
      problems.add(
          new FieldProblem("data.applicationReference", "must be an application reference such as BHM-001042"));
      return null;
    }
    return reference;
  }

  private static String providerAssessmentId(JsonNode node, List<FieldProblem> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    String id = node.isTextual() ? node.asText().strip() : "";
    if (id.isEmpty()
        || id.length() > MAX_PROVIDER_ASSESSMENT_ID_LENGTH
        || id.chars().anyMatch(Character::isISOControl)) {
      problems.add(
          new FieldProblem(
              "data.providerAssessmentId",
              "must be text of 1 to " + MAX_PROVIDER_ASSESSMENT_ID_LENGTH + " characters"));
      return null;
    }
    return id;
  }

  private static Instant timestamp(JsonNode node, String field, boolean required, List<FieldProblem> problems) {
    if (node == null || node.isNull()) {
      if (required) {
        problems.add(new FieldProblem(field, "is required"));
      }
      return null;
    }
    if (node.isTextual()) {
      try {
        return OffsetDateTime.parse(node.asText()).toInstant();
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problems.add(new FieldProblem(field, "must be a date and time with offset, such as 2026-11-20T15:04:05Z"));
    return null;
  }

  /** RFC 8259: JSON between systems is UTF-8; anything else would be stored garbled. */
  private static void requireUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw JsonObjectBodies.malformed(e);
    }
  }

  private static ErrorResponseException tooLarge() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "An assessment result must not be larger than " + (MAX_BODY_BYTES / 1024) + " KB.");
    problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
    problem.setTitle("Request too large");
    return new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, problem, null);
  }
}
