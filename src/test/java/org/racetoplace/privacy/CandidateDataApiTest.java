package org.racetoplace.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/applications/{reference}/erasure} and {@code GET
 * /api/applications/{reference}/personal-data} over HTTP on the embedded default (demo users,
 * password {@code demo}): who may call them, what the export holds, erasing twice, and a candidate
 * with two applications.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "hiring.privacy.retention-enabled=false"})
class CandidateDataApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  private record Submitted(String reference, String token) {}

  private Submitted submit(String email) throws Exception {
    Map<String, Object> body =
        Map.ofEntries(
            Map.entry("firstName", "Wilhelmina"),
            Map.entry("lastName", "Export"),
            Map.entry("email", email),
            Map.entry("phone", "+1 205 555 0142"),
            Map.entry("community", "birmingham"),
            Map.entry("roleTrack", "web-developer"),
            Map.entry("languages", List.of("JavaScript")),
            Map.entry("skills", List.of(Map.of("name", "css", "level", 3), Map.of("name", "Quill pens", "level", 2))),
            Map.entry("workHistory", List.of(Map.of("title", "Cashier", "employer", "Corner Shop", "startYear", 2018))),
            Map.entry("projects", List.of(Map.of("name", "Bus tracker", "description", "Next bus", "technologies", List.of("JS", "Abacus")))),
            Map.entry("certificates", List.of(Map.of("name", "Web basics", "issuer", "Innovation Depot", "year", 2020))),
            Map.entry("selfIdentification", Map.of("sex", "female")),
            Map.entry("consent", true));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response =
        rest.postForEntity("/api/applications", new HttpEntity<>(JSON.writeValueAsString(body), headers), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode receipt = JSON.readTree(response.getBody());
    return new Submitted(receipt.get("reference").asText(), receipt.get("statusToken").asText());
  }

  private static String uniqueEmail() {
    return "wilhelmina-" + UUID.randomUUID() + "@example.org";
  }

  private ResponseEntity<String> call(HttpMethod method, String path, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.exchange(path, method, new HttpEntity<>(headers), String.class);
  }

  private static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
  }

  @Test
  void staffExportEverythingHeldAboutTheCandidateWithTheCaseHistory() throws Exception {
    String email = uniqueEmail();
    Submitted submitted = submit(email);

    ResponseEntity<String> response =
        call(HttpMethod.GET, "/api/applications/" + submitted.reference() + "/personal-data", "staff");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode export = JSON.readTree(response.getBody());
    assertThat(export.get("reference").asText()).isEqualTo(submitted.reference());
    JsonNode candidate = export.get("candidate");
    assertThat(candidate.get("email").asText()).isEqualTo(email);
    assertThat(candidate.get("firstName").asText()).isEqualTo("Wilhelmina");
    assertThat(candidate.get("phone").asText()).isEqualTo("+1 205 555 0142");
    assertThat(candidate.get("community").asText()).isEqualTo("birmingham");
    JsonNode application = export.get("applications").get(0);
    assertThat(application.get("reference").asText()).isEqualTo(submitted.reference());
    assertThat(application.get("roleTrack").asText()).isEqualTo("web-developer");
    assertThat(application.get("languages").get(0).asText()).isEqualTo("JavaScript");
    assertThat(application.get("skills").get(0).get("level").asInt()).isEqualTo(3);
    // what the candidate wrote, and the taxonomy's skill it was taken for (matching uses that)
    assertThat(application.get("skills").get(0).get("name").asText()).isEqualTo("css");
    assertThat(application.get("skills").get(0).get("canonicalSkill").asText()).isEqualTo("CSS");
    assertThat(application.get("skills").get(1).get("canonicalSkill").isNull()).isTrue();
    assertThat(application.get("workHistory").get(0).get("employer").asText()).isEqualTo("Corner Shop");
    assertThat(application.get("projects").get(0).get("technologies").get(0).asText()).isEqualTo("JS");
    assertThat(application.get("projects").get(0).get("technologySkills").get(0).asText()).isEqualTo("JavaScript");
    assertThat(application.get("projects").get(0).get("technologySkills").get(1).isNull()).isTrue();
    assertThat(application.get("certificates").get(0).get("year").asInt()).isEqualTo(2020);
    assertThat(application.get("selfIdentification").get("sex").asText()).isEqualTo("female");
    JsonNode notification = application.get("notifications").get(0);
    assertThat(notification.get("recipientEmail").asText()).isEqualTo(email);
    // the mail as sent, but the status link's token is not handed to staff
    assertThat(notification.get("body").asText()).contains("Hello Wilhelmina Export", "token=[redacted]");
    JsonNode history = application.get("history");
    assertThat(history.get("startedAt").isNull()).isFalse();
    List<String> stages = new ArrayList<>();
    history.get("stages").forEach(stage -> stages.add(stage.get("stage").asText()));
    assertThat(stages).contains(HiringPipeline.STAGE_APPLY);
    assertThat(history.get("stages").get(0).get("name").asText()).isEqualTo("Apply");
    assertThat(response.getBody()).doesNotContain("statusTokenHash", "status_token_hash", submitted.token());
  }

  @Test
  void onlyStaffAndAdminsMayEraseOrExport() {
    int erasuresBefore = jdbc.queryForObject("select count(*) from privacy_erasure", Integer.class);
    String erasure = "/api/applications/BHM-000001/erasure";
    String export = "/api/applications/BHM-000001/personal-data";
    assertProblem(call(HttpMethod.POST, erasure, null), HttpStatus.UNAUTHORIZED);
    assertProblem(call(HttpMethod.GET, export, null), HttpStatus.UNAUTHORIZED);
    for (String user : List.of("vetter-birmingham", "interviewer", "employer", "pm")) {
      assertProblem(call(HttpMethod.POST, erasure, user), HttpStatus.FORBIDDEN);
      assertProblem(call(HttpMethod.GET, export, user), HttpStatus.FORBIDDEN);
    }
    assertThat(jdbc.queryForObject("select count(*) from privacy_erasure", Integer.class)).isEqualTo(erasuresBefore);
  }

  @Test
  void anUnknownReferenceIs404() throws Exception {
    ResponseEntity<String> response = call(HttpMethod.POST, "/api/applications/BHM-999999/erasure", "staff");
    assertProblem(response, HttpStatus.NOT_FOUND);
    assertThat(JSON.readTree(response.getBody()).get("type").asText())
        .isEqualTo("https://racetoplace.org/problems/not-found");
    assertProblem(call(HttpMethod.GET, "/api/applications/BHM-999999/personal-data", "staff"), HttpStatus.NOT_FOUND);
  }

  @Test
  void erasingTwiceAnswersWhatTheFirstErasureDidAndTheExportIsGone() throws Exception {
    Submitted submitted = submit(uniqueEmail());
    String path = "/api/applications/" + submitted.reference() + "/erasure";

    ResponseEntity<String> first = call(HttpMethod.POST, path, "admin");
    assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode erased = JSON.readTree(first.getBody());
    assertThat(erased.get("alreadyErased").asBoolean()).isFalse();
    assertThat(erased.get("erasedBy").asText()).isEqualTo("admin");
    assertThat(erased.get("reason").asText()).isEqualTo("REQUEST");
    assertThat(erased.get("endedRunningCase").asBoolean()).isTrue();

    ResponseEntity<String> second = call(HttpMethod.POST, path, "staff");
    assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode again = JSON.readTree(second.getBody());
    assertThat(again.get("alreadyErased").asBoolean()).isTrue();
    assertThat(again.get("erasedBy").asText()).isEqualTo("admin");
    assertThat(again.get("erasedAt").asText()).isEqualTo(erased.get("erasedAt").asText());
    assertThat(jdbc.queryForObject(
            "select count(*) from privacy_erasure where application_reference = ?", Integer.class, submitted.reference()))
        .isEqualTo(1);

    ResponseEntity<String> export =
        call(HttpMethod.GET, "/api/applications/" + submitted.reference() + "/personal-data", "staff");
    assertProblem(export, HttpStatus.GONE);
    assertThat(JSON.readTree(export.getBody()).get("type").asText())
        .isEqualTo("https://racetoplace.org/problems/personal-data-erased");

    // the candidate's status link still answers, with nothing personal in it
    HttpHeaders withToken = new HttpHeaders();
    withToken.set("X-Status-Token", submitted.token());
    ResponseEntity<String> status =
        rest.exchange("/api/applications/" + submitted.reference(), HttpMethod.GET, new HttpEntity<>(withToken), String.class);
    assertThat(status.getStatusCode()).as(status.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(status.getBody()).doesNotContain("Wilhelmina");
  }

  @Test
  void erasingOneApplicationErasesThePersonWithAllTheirApplicationsAndEndsTheRunningCase() throws Exception {
    String email = uniqueEmail();
    Submitted earlier = submit(email);
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Status-Token", earlier.token());
    ResponseEntity<String> withdrawn =
        rest.exchange(
            "/api/applications/" + earlier.reference() + "/withdraw",
            HttpMethod.POST,
            new HttpEntity<>(headers),
            String.class);
    assertThat(withdrawn.getStatusCode()).as(withdrawn.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    Submitted later = submit(email);

    ResponseEntity<String> response = call(HttpMethod.POST, "/api/applications/" + earlier.reference() + "/erasure", "staff");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode erased = JSON.readTree(response.getBody());
    List<String> references = new ArrayList<>();
    erased.get("erasedApplications").forEach(reference -> references.add(reference.asText()));
    assertThat(references).containsExactly(earlier.reference(), later.reference());
    assertThat(erased.get("endedRunningCase").asBoolean()).isTrue();
    assertThat(jdbc.queryForList(
            "select status from application where reference in (?, ?) order by reference",
            String.class, earlier.reference(), later.reference()))
        .containsOnly("WITHDRAWN");
    assertThat(jdbc.queryForObject(
            "select count(*) from candidate where email = ?", Integer.class, email)).isZero();
    assertThat(jdbc.queryForObject(
            "select requested_reference from privacy_erasure where application_reference = ?",
            String.class, later.reference()))
        .isEqualTo(earlier.reference());

    // the person may apply again, as a new candidate
    submit(email);
  }
}
