package org.racetoplace.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * The Match stage's forms ask for what the listeners check on the server, under the same variable
 * names and limits, so the browser and the server agree on what a valid answer is.
 */
class MatchFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode form(String id) throws IOException {
    return JSON.readTree(Path.of("forms", id + ".form").toFile());
  }

  private static JsonNode field(JsonNode form, String key) {
    for (JsonNode component : form.get("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("No field with key " + key + " in form " + form.get("id"));
  }

  private static List<String> values(JsonNode radio) {
    List<String> values = new ArrayList<>();
    radio.get("values").forEach(value -> values.add(value.get("value").asText()));
    return values;
  }

  @ParameterizedTest
  @ValueSource(strings = {"employer-review", "employer-decision", "confirm-placement"})
  void eachFormIsACamunda7FormWhoseIdIsItsFileNameWithUniqueComponentIds(String id) throws IOException {
    JsonNode form = form(id);

    assertThat(form.get("id").asText()).isEqualTo(id);
    assertThat(form.get("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.get("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    assertThat(form.get("schemaVersion").asInt()).isEqualTo(16);
    List<String> componentIds = new ArrayList<>();
    form.get("components").forEach(component -> componentIds.add(component.get("id").asText()));
    assertThat(componentIds).doesNotHaveDuplicates().noneMatch(componentId -> componentId.matches(".*_[0-9a-z]{7}$"));
    JsonNode explanation = field(form, HiringPipeline.VAR_MATCH_EXPLANATION);
    assertThat(explanation.get("type").asText()).isEqualTo("textarea");
    assertThat(explanation.get("readonly").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"employer-review", "employer-decision"})
  void employerFormsShowTheProfileReadOnlyAndAskForAReasonOnlyToDecline(String id) throws IOException {
    JsonNode form = form(id);
    String decisionKey =
        id.equals("employer-review") ? HiringPipeline.VAR_EMPLOYER_DECISION : HiringPipeline.VAR_HIRING_DECISION;
    String yes = id.equals("employer-review") ? HiringPipeline.DECISION_INVITE : HiringPipeline.DECISION_HIRE;

    assertThat(field(form, HiringPipeline.VAR_CANDIDATE_PROFILE).get("readonly").asBoolean()).isTrue();
    JsonNode decision = field(form, decisionKey);
    assertThat(decision.get("type").asText()).isEqualTo("radio");
    assertThat(values(decision)).containsExactly(yes, HiringPipeline.DECISION_DECLINE);
    assertThat(decision.at("/validate/required").asBoolean()).isTrue();
    JsonNode reason = field(form, HiringPipeline.VAR_DECLINE_REASON);
    assertThat(reason.at("/validate/required").asBoolean()).isTrue();
    assertThat(reason.at("/validate/maxLength").asInt()).isEqualTo(EmployerDecisionForm.MAX_REASON_LENGTH);
    assertThat(reason.at("/conditional/hide").asText()).isEqualTo("=" + decisionKey + " != \"decline\"");
  }

  @Test
  void confirmPlacementAsksForTheFirstDayOfWorkAsADate() throws IOException {
    JsonNode startDate = field(form("confirm-placement"), HiringPipeline.VAR_PLACEMENT_START_DATE);

    assertThat(startDate.get("type").asText()).isEqualTo("datetime");
    assertThat(startDate.get("subtype").asText()).isEqualTo("date");
    assertThat(startDate.at("/validate/required").asBoolean()).isTrue();
  }
}
