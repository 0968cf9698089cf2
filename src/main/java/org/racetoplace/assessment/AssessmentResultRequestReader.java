package org.racetoplace.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.racetoplace.application.ProgrammingLanguage;
import org.racetoplace.platform.web.JsonObjectBodies;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Reads and checks the body of {@code POST /api/applications/{reference}/assessment-results}:
 *
 * <pre>{"language":"Java","fundamentalsScore":72,"languageScore":65,
 *  "topicScores":{"control-flow":80,"data-structures":60}}</pre>
 *
 * Works on the JSON tree rather than binding a record, so that a wrong type ({@code "72"},
 * {@code 72.5}) is a field error named like any other instead of a malformed body, and every
 * problem is reported at once. Unknown fields are rejected, as on the intake API. Providers'
 * webhooks ({@code org.racetoplace.assessment.provider}) check their scores by the same rules
 * through {@link #readScores}.
 */
@Component
public class AssessmentResultRequestReader {

  static final String TITLE = "Invalid assessment result";
  static final int MAX_TOPICS = 30;
  static final int MAX_TOPIC_LENGTH = 60;

  /** The fields of a result's scores, as {@link #readScores} reads them. */
  public static final Set<String> SCORE_FIELDS =
      Set.of("language", "fundamentalsScore", "languageScore", "topicScores");

  private final JsonObjectBodies bodies;

  public AssessmentResultRequestReader(ObjectMapper objectMapper) {
    this.bodies = new JsonObjectBodies(objectMapper);
  }

  /**
   * @return the result as staff entered it
   * @throws InvalidRequestException listing every field problem, sorted by field
   * @throws ErrorResponseException 400 malformed JSON for anything that is not one JSON object
   */
  public RecordedResult readStaffResult(byte[] body) {
    JsonNode tree = bodies.readObject(body);
    List<FieldProblem> problems = new ArrayList<>();
    tree.fieldNames()
        .forEachRemaining(
            name -> {
              if (!SCORE_FIELDS.contains(name)) {
                problems.add(new FieldProblem(name, "is not a known field"));
              }
            });
    Optional<Scores> scores = readScores(tree, "", problems);
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
      throw new InvalidRequestException(TITLE, problems);
    }
    Scores checked = scores.orElseThrow();
    return RecordedResult.byStaff(
        checked.language(), checked.fundamentalsScore(), checked.languageScore(), checked.topicScores());
  }

  /** The subscores of a result, each checked: 0–100, a known language, topics named 1–60 characters. */
  public record Scores(
      ProgrammingLanguage language,
      int fundamentalsScore,
      int languageScore,
      Map<String, Integer> topicScores) {}

  /**
   * Checks the {@link #SCORE_FIELDS} of {@code object} by the rules of a staff result; other fields
   * of {@code object} are the caller's to check (a provider's webhook carries the scores inside
   * {@code data}, beside fields of its own). Each problem is added to {@code problems} with {@code
   * fieldPrefix} before its field name ({@code data.languageScore}).
   *
   * @return the scores, or empty when any of them has a problem
   */
  public Optional<Scores> readScores(JsonNode object, String fieldPrefix, List<FieldProblem> problems) {
    List<FieldProblem> found = new ArrayList<>();
    Optional<ProgrammingLanguage> language = language(object.get("language"), found);
    Integer fundamentals = score(object.get("fundamentalsScore"), "fundamentalsScore", true, found);
    Integer languageScore = score(object.get("languageScore"), "languageScore", true, found);
    Map<String, Integer> topics = topics(object.get("topicScores"), found);
    found.forEach(problem -> problems.add(new FieldProblem(fieldPrefix + problem.field(), problem.message())));
    if (!found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Scores(language.orElseThrow(), fundamentals, languageScore, topics));
  }

  private static Optional<ProgrammingLanguage> language(JsonNode node, List<FieldProblem> problems) {
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      problems.add(new FieldProblem("language", "is required"));
      return Optional.empty();
    }
    Optional<ProgrammingLanguage> language =
        node.isTextual() ? ProgrammingLanguage.fromName(node.asText()) : Optional.empty();
    if (language.isEmpty()) {
      problems.add(
          new FieldProblem("language", "must be one of " + ProgrammingLanguage.displayNames()));
    }
    return language;
  }

  private static Integer score(
      JsonNode node, String field, boolean required, List<FieldProblem> problems) {
    if (node == null || node.isNull()) {
      if (required) {
        problems.add(new FieldProblem(field, "is required"));
      }
      return null;
    }
    if (!node.isIntegralNumber()
        || !node.canConvertToInt()
        || !AssessmentScoring.isScore(node.intValue())) {
      problems.add(
          new FieldProblem(
              field,
              "must be a whole number from "
                  + AssessmentScoring.MIN_SCORE
                  + " to "
                  + AssessmentScoring.MAX_SCORE));
      return null;
    }
    return node.intValue();
  }

  private static Map<String, Integer> topics(JsonNode node, List<FieldProblem> problems) {
    Map<String, Integer> topics = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return topics;
    }
    if (!node.isObject()) {
      problems.add(new FieldProblem("topicScores", "must be an object of topic names and scores"));
      return topics;
    }
    if (node.size() > MAX_TOPICS) {
      problems.add(new FieldProblem("topicScores", "must not have more than " + MAX_TOPICS + " topics"));
    }
    Set<String> seen = new HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String field = "topicScores." + entry.getKey();
      String topic = entry.getKey().trim();
      if (topic.isEmpty() || topic.length() > MAX_TOPIC_LENGTH) {
        problems.add(
            new FieldProblem(field, "topic names must have 1 to " + MAX_TOPIC_LENGTH + " characters"));
        continue;
      }
      // "Arrays" and " Arrays" would be one topic once trimmed; the table keeps a topic once
      if (!seen.add(topic)) {
        problems.add(new FieldProblem(field, "names a topic given already"));
        continue;
      }
      Integer score = score(entry.getValue(), field, true, problems);
      if (score != null) {
        topics.put(topic, score);
      }
    }
    return topics;
  }

}
