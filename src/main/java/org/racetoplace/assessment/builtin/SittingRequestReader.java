package org.racetoplace.assessment.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.racetoplace.platform.web.JsonObjectBodies;
import org.springframework.stereotype.Component;

/**
 * Reads and checks the bodies of the candidate's assessment requests. Works on the JSON tree, as
 * the other readers of our API do, so a wrong type is a field error named like any other and
 * every problem is reported at once; unknown fields are rejected.
 *
 * <ul>
 *   <li>start: no body, or {@code {"language":"Python"}};
 *   <li>an answer, by the item's kind: {@code {"choice":"b"}} (single choice), {@code
 *       {"choices":["a","c"]}} (multiple choice), {@code {"text":"42"}} (typed answers). A null
 *       value, an empty list or a blank text clears the answer.
 * </ul>
 */
@Component
public class SittingRequestReader {

  static final String START_TITLE = "Invalid assessment start";
  static final String ANSWER_TITLE = "Invalid answer";
  static final int MAX_TEXT_LENGTH = 500;

  private final JsonObjectBodies bodies;

  public SittingRequestReader(ObjectMapper objectMapper) {
    this.bodies = new JsonObjectBodies(objectMapper);
  }

  /**
   * @return the language asked for, if any
   * @throws InvalidRequestException a field problem
   */
  public Optional<String> readStart(byte[] body) {
    if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
      return Optional.empty();
    }
    JsonNode tree = bodies.readObject(body);
    List<FieldProblem> problems = new ArrayList<>();
    unknownFields(tree, Set.of("language"), problems);
    JsonNode language = tree.get("language");
    String requested = null;
    if (language != null && !language.isNull()) {
      if (!language.isTextual() || language.asText().isBlank()) {
        problems.add(new FieldProblem("language", "must be the name of one of the application's languages"));
      } else {
        requested = language.asText().trim();
      }
    }
    throwIfAny(START_TITLE, problems);
    return Optional.ofNullable(requested);
  }

  /**
   * @param item the sitting item answered, whose kind and options decide the shape
   * @return the answer in its stored form ({@link BankItem#accepts}), null to clear it
   * @throws InvalidRequestException every field problem: wrong field for the kind, wrong type,
   *     an option the item does not have, a text too long
   */
  public String readAnswer(byte[] body, SittingItem item) {
    return readAnswer(bodies.readObject(body), item);
  }

  /**
   * The same checks on an answer already in tree form; the candidate pages build the tree from
   * their form fields, so a page and the API accept exactly the same answers.
   */
  public String readAnswer(JsonNode tree, SittingItem item) {
    List<FieldProblem> problems = new ArrayList<>();
    String field = fieldFor(item.getKind());
    unknownFields(tree, Set.of(field), problems);
    JsonNode value = tree.get(field);
    if (value == null) {
      problems.add(
          new FieldProblem(
              field, "is required for a " + item.getKind().code() + " question (null clears the answer)"));
      throwIfAny(ANSWER_TITLE, problems);
    }
    String answer =
        switch (item.getKind()) {
          case SINGLE_CHOICE -> choice(value, item, problems);
          case MULTIPLE_CHOICE -> choices(value, item, problems);
          case OUTPUT_PREDICTION, SHORT_ANSWER -> text(value, problems);
        };
    throwIfAny(ANSWER_TITLE, problems);
    return answer;
  }

  static String fieldFor(ItemKind kind) {
    return switch (kind) {
      case SINGLE_CHOICE -> "choice";
      case MULTIPLE_CHOICE -> "choices";
      case OUTPUT_PREDICTION, SHORT_ANSWER -> "text";
    };
  }

  private static String choice(JsonNode value, SittingItem item, List<FieldProblem> problems) {
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual() || !item.getOptionOrder().contains(value.asText())) {
      problems.add(new FieldProblem("choice", "must be one of the question's option ids: " + optionIds(item)));
      return null;
    }
    return value.asText();
  }

  private static String choices(JsonNode value, SittingItem item, List<FieldProblem> problems) {
    if (value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      problems.add(new FieldProblem("choices", "must be a list of the question's option ids: " + optionIds(item)));
      return null;
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (int index = 0; index < value.size(); index++) {
      JsonNode entry = value.get(index);
      String field = "choices[" + index + "]";
      if (!entry.isTextual() || !item.getOptionOrder().contains(entry.asText())) {
        problems.add(new FieldProblem(field, "must be one of the question's option ids: " + optionIds(item)));
      } else if (!chosen.add(entry.asText())) {
        problems.add(new FieldProblem(field, "names an option given already"));
      }
    }
    if (chosen.isEmpty()) {
      return null;
    }
    // sorted by option id, so the same choice is always stored the same way
    List<String> inOptionOrder = new ArrayList<>(chosen);
    inOptionOrder.sort(Comparator.naturalOrder());
    return String.join(BankItem.CHOICE_SEPARATOR, inOptionOrder);
  }

  private static String text(JsonNode value, List<FieldProblem> problems) {
    if (value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(new FieldProblem("text", "must be a string"));
      return null;
    }
    String text = value.asText();
    if (text.length() > MAX_TEXT_LENGTH) {
      problems.add(new FieldProblem("text", "must not be longer than " + MAX_TEXT_LENGTH + " characters"));
      return null;
    }
    return text.isBlank() ? null : text;
  }

  private static String optionIds(SittingItem item) {
    return String.join(", ", item.getOptionOrder().stream().sorted().toList());
  }

  private static void unknownFields(JsonNode tree, Set<String> known, List<FieldProblem> problems) {
    tree.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                problems.add(new FieldProblem(name, "is not a known field"));
              }
            });
  }

  private static void throwIfAny(String title, List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
      throw new InvalidRequestException(title, problems);
    }
  }
}
