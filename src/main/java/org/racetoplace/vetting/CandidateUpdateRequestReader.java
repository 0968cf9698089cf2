package org.racetoplace.vetting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.racetoplace.platform.web.JsonObjectBodies;
import org.springframework.stereotype.Component;

/**
 * Reads and checks the body of {@code POST /api/applications/{reference}/updates}: {@code
 * {"message": "..."}}, the message 1–4000 characters once trimmed. Unknown fields are rejected, as
 * everywhere on the candidates' API.
 */
@Component
class CandidateUpdateRequestReader {

  static final String TITLE = "Invalid update";
  static final int MAX_MESSAGE = 4000;
  private static final String MESSAGE = "message";

  private final JsonObjectBodies bodies;

  CandidateUpdateRequestReader(ObjectMapper objectMapper) {
    this.bodies = new JsonObjectBodies(objectMapper);
  }

  /**
   * @return the message, trimmed
   * @throws InvalidRequestException listing every field problem
   * @throws org.springframework.web.ErrorResponseException 400 malformed JSON for anything that is
   *     not one JSON object
   */
  String readMessage(byte[] body) {
    JsonNode tree = bodies.readObject(body);
    List<FieldProblem> problems = new ArrayList<>();
    tree.fieldNames()
        .forEachRemaining(
            name -> {
              if (!MESSAGE.equals(name)) {
                problems.add(new FieldProblem(name, "is not a known field"));
              }
            });
    JsonNode node = tree.get(MESSAGE);
    String message = null;
    if (node == null || node.isNull()) {
      problems.add(new FieldProblem(MESSAGE, "is required"));
    } else if (!node.isTextual()) {
      problems.add(new FieldProblem(MESSAGE, "must be text"));
    } else {
      message = node.asText().strip();
      if (message.isEmpty()) {
        problems.add(new FieldProblem(MESSAGE, "is required"));
      } else if (message.length() > MAX_MESSAGE) {
        problems.add(new FieldProblem(MESSAGE, "must be at most " + MAX_MESSAGE + " characters"));
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field));
      throw new InvalidRequestException(TITLE, problems);
    }
    return message;
  }
}
