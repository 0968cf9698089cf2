package org.racetoplace.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * The employer, opening and match API end to end on the embedded default (H2, demo users with
 * password {@code demo}): what staff can do, and every failure answer as problem+json.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class MatchingApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String PASSWORD = "demo";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;

  // --- helpers ----------------------------------------------------------------------------

  private ResponseEntity<String> call(HttpMethod method, String path, String body, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, PASSWORD);
    return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> get(String path, String user) {
    return call(HttpMethod.GET, path, null, user);
  }

  private static JsonNode json(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody());
  }

  private static List<String> errorFields(ResponseEntity<String> response) throws Exception {
    List<String> fields = new ArrayList<>();
    json(response).get("errors").forEach(error -> fields.add(error.get("field").asText()));
    return fields;
  }

  private static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
  }

  private String employer() throws Exception {
    String slug = "api-test-partner-" + SEQUENCE.incrementAndGet();
    ResponseEntity<String> response =
        call(HttpMethod.POST, "/api/employers",
            "{\"slug\":\"" + slug + "\",\"name\":\"API Test Partner\",\"contactEmail\":\"jobs@example.org\"}", "staff");
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    return slug;
  }

  private long opening(String slug, String requiredSkill) throws Exception {
    ResponseEntity<String> response =
        call(HttpMethod.POST, "/api/openings",
            """
            {"employer":"%s","title":"Integration developer","community":"akron","remoteAllowed":true,
             "positions":2,"languages":["Java"],
             "requiredSkills":[{"skill":"%s","minLevel":2,"weight":3}],
             "preferredSkills":[{"skill":"Postgres","minLevel":1,"weight":1}]}
            """.formatted(slug, requiredSkill),
            "staff");
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    return json(response).get("id").asLong();
  }

  /** An application made through the public intake, with the given self-rated skill. */
  private String application(String skill, int level) throws Exception {
    String body =
        """
        {"firstName":"Grace","lastName":"Hopper","email":"matching-api-%d@example.org",
         "community":"birmingham","roleTrack":"software-engineer","languages":["Python"],
         "skills":[{"name":"%s","level":%d}],
         "projects":[{"name":"Tracker","description":"A tracker","technologies":["PostgreSQL"]}],
         "consent":true}
        """.formatted(SEQUENCE.incrementAndGet(), skill, level);
    ResponseEntity<String> response = call(HttpMethod.POST, "/api/applications", body, null);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    return json(response).get("reference").asText();
  }

  private long openings() {
    return jdbc.queryForObject("select count(*) from job_opening", Long.class);
  }

  /** An opening's body for an edit, with the employer left out. */
  private static String editBody(String title, String community, int positions, String requiredSkill) {
    return """
        {"title":"%s","community":"%s","remoteAllowed":false,"positions":%d,"languages":["Kotlin","java"],
         "requiredSkills":[{"skill":"%s","minLevel":3,"weight":2},{"skill":"Kubernetes","minLevel":1,"weight":1}]}
        """
        .formatted(title, community, positions, requiredSkill);
  }

  // --- employers ----------------------------------------------------------------------------

  @Test
  void staffRegisterListReadAndDeactivateEmployerPartners() throws Exception {
    String slug = employer();

    JsonNode one = json(get("/api/employers/" + slug, "staff"));
    assertThat(one.get("name").asText()).isEqualTo("API Test Partner");
    assertThat(one.get("group").asText()).isEqualTo("employer-" + slug);
    assertThat(one.get("active").asBoolean()).isTrue();
    assertThat(json(get("/api/employers", "staff")).findValuesAsText("slug")).contains(slug, "magic-city-software");
    assertThat(get("/api/employers", "pm").getStatusCode()).as("program managers may too").isEqualTo(HttpStatus.OK);

    ResponseEntity<String> deactivated = call(HttpMethod.PUT, "/api/employers/" + slug + "/status", "{\"active\":false}", "staff");
    assertThat(deactivated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(deactivated).get("active").asBoolean()).isFalse();
  }

  @Test
  void aBadOrTakenEmployerIs400WithFieldErrorsAndUnknownOnesAre404() throws Exception {
    long before = jdbc.queryForObject("select count(*) from employer_partner", Long.class);
    ResponseEntity<String> bad = call(HttpMethod.POST, "/api/employers", "{\"slug\":\"Not A Slug\",\"name\":\"\",\"contactEmail\":\"nope\",\"extra\":1}", "staff");
    assertProblem(bad, HttpStatus.BAD_REQUEST);
    assertThat(errorFields(bad)).containsExactly("extra");
    bad = call(HttpMethod.POST, "/api/employers", "{\"slug\":\"Not A Slug\",\"name\":\"\",\"contactEmail\":\"nope\"}", "staff");
    assertProblem(bad, HttpStatus.BAD_REQUEST);
    assertThat(errorFields(bad)).containsExactly("slug", "name", "contactEmail");
    ResponseEntity<String> taken =
        call(HttpMethod.POST, "/api/employers", "{\"slug\":\"magic-city-software\",\"name\":\"Again\"}", "staff");
    assertProblem(taken, HttpStatus.BAD_REQUEST);
    assertThat(jdbc.queryForObject("select count(*) from employer_partner", Long.class)).isEqualTo(before);

    assertProblem(get("/api/employers/no-such-partner", "staff"), HttpStatus.NOT_FOUND);
    assertProblem(call(HttpMethod.PUT, "/api/employers/no-such-partner/status", "{\"active\":true}", "staff"), HttpStatus.NOT_FOUND);
    assertProblem(call(HttpMethod.PUT, "/api/employers/magic-city-software/status", "{\"active\":\"no\"}", "staff"), HttpStatus.BAD_REQUEST);
  }

  @Test
  void staffEditAnEmployersNameAndContactAndItsTasklistGroupAndFilterFollow() throws Exception {
    String slug = "renamed-partner-" + SEQUENCE.incrementAndGet();
    String before = "Before Rename " + slug;
    String after = "After Rename " + slug;
    assertThat(call(HttpMethod.POST, "/api/employers", "{\"slug\":\"" + slug + "\",\"name\":\"" + before + "\"}", "staff").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    ResponseEntity<String> edited =
        call(HttpMethod.PUT, "/api/employers/" + slug, "{\"name\":\" " + after + " \",\"contactEmail\":\" hiring@example.org \"}", "pm");

    assertThat(edited.getStatusCode()).as(edited.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode partner = json(get("/api/employers/" + slug, "staff"));
    assertThat(partner.get("name").asText()).isEqualTo(after);
    assertThat(partner.get("contactEmail").asText()).isEqualTo("hiring@example.org");
    assertThat(partner.get("slug").asText()).isEqualTo(slug);
    assertThat(partner.get("group").asText()).isEqualTo("employer-" + slug);
    assertThat(partner.get("active").asBoolean()).isTrue();
    assertThat(identityService.createGroupQuery().groupId("employer-" + slug).singleResult().getName())
        .isEqualTo("Employer — " + after);
    assertThat(filterService.createFilterQuery().filterName("Candidates for " + after).count()).isEqualTo(1);
    assertThat(filterService.createFilterQuery().filterName("Candidates for " + before).count()).isZero();

    // the slug may be repeated; the contact address may be dropped
    ResponseEntity<String> again = call(HttpMethod.PUT, "/api/employers/" + slug, "{\"slug\":\"" + slug + "\",\"name\":\"" + after + "\"}", "staff");
    assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json(again).get("contactEmail").isNull()).isTrue();
  }

  @Test
  void aBadEmployerEditIs400WithFieldErrorsChangingNothingAndAnUnknownOneIs404() throws Exception {
    String slug = employer();
    String before = get("/api/employers/" + slug, "staff").getBody();

    ResponseEntity<String> unknownField =
        call(HttpMethod.PUT, "/api/employers/" + slug, "{\"name\":\"New\",\"active\":false}", "staff");
    assertProblem(unknownField, HttpStatus.BAD_REQUEST);
    assertThat(errorFields(unknownField)).containsExactly("active");
    ResponseEntity<String> bad =
        call(HttpMethod.PUT, "/api/employers/" + slug, "{\"slug\":\"another-slug\",\"name\":\" \",\"contactEmail\":\"nope\"}", "staff");
    assertProblem(bad, HttpStatus.BAD_REQUEST);
    assertThat(errorFields(bad)).containsExactly("slug", "name", "contactEmail");
    assertProblem(call(HttpMethod.PUT, "/api/employers/" + slug, "{\"name\":", "staff"), HttpStatus.BAD_REQUEST);
    assertProblem(call(HttpMethod.PUT, "/api/employers/" + slug, "{\"name\":7}", "staff"), HttpStatus.BAD_REQUEST);
    assertThat(get("/api/employers/" + slug, "staff").getBody()).isEqualTo(before);

    assertProblem(call(HttpMethod.PUT, "/api/employers/no-such-partner", "{\"name\":\"Someone\"}", "staff"), HttpStatus.NOT_FOUND);
  }

  // --- openings -----------------------------------------------------------------------------

  @Test
  void staffPostAnOpeningWithNormalisedSkillsAndChangeItsStatus() throws Exception {
    long id = opening(employer(), "JS");

    JsonNode opening = json(get("/api/openings/" + id, "staff"));
    assertThat(opening.get("status").asText()).isEqualTo("open");
    assertThat(opening.get("requiredSkills").get(0).get("skill").asText()).isEqualTo("JavaScript");
    assertThat(opening.get("requiredSkills").get(0).get("known").asBoolean()).isTrue();
    assertThat(opening.get("preferredSkills").get(0).get("skill").asText()).isEqualTo("PostgreSQL");
    assertThat(opening.get("remoteAllowed").asBoolean()).isTrue();
    assertThat(opening.get("positions").asInt()).isEqualTo(2);

    for (String status : List.of("paused", "open", "closed", "open", "filled")) {
      ResponseEntity<String> changed =
          call(HttpMethod.PUT, "/api/openings/" + id + "/status", "{\"status\":\"" + status + "\"}", "staff");
      assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.OK);
      assertThat(json(changed).get("status").asText()).isEqualTo(status);
    }
    assertThat(json(get("/api/openings?status=filled", "staff")).findValuesAsText("id")).contains(String.valueOf(id));
    assertThat(json(get("/api/openings?status=open&community=akron", "staff")).findValuesAsText("id")).doesNotContain(String.valueOf(id));
  }

  @Test
  void aBadOpeningIs400ListingEveryFieldErrorAndStoresNothing() throws Exception {
    long before = openings();
    ResponseEntity<String> response =
        call(HttpMethod.POST, "/api/openings",
            """
            {"employer":"no-such-partner","title":" ","community":"atlantis","positions":0,
             "languages":["Cobol"],
             "requiredSkills":[{"skill":"Java","minLevel":6,"weight":0},{"skill":"java","minLevel":2,"weight":1}],
             "preferredSkills":[{"skill":"","minLevel":1,"weight":1}]}
            """,
            "staff");
    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(errorFields(response))
        .containsExactlyInAnyOrder(
            "employer", "community", "title", "positions", "languages",
            "requiredSkills[0].minLevel", "requiredSkills[0].weight", "requiredSkills[1].skill",
            "preferredSkills[0].skill");
    assertThat(openings()).isEqualTo(before);
  }

  @Test
  void wrongTypesUnknownFieldsAndMalformedBodiesAre400() throws Exception {
    long before = openings();
    ResponseEntity<String> types =
        call(HttpMethod.POST, "/api/openings",
            """
            {"employer":1,"title":"T","community":"akron","remoteAllowed":"yes","positions":"two",
             "requiredSkills":[{"skill":"Java","minLevel":2.5}],"colour":"blue"}
            """,
            "staff");
    assertProblem(types, HttpStatus.BAD_REQUEST);
    assertThat(errorFields(types))
        .containsExactly("colour", "employer", "positions", "remoteAllowed", "requiredSkills[0].minLevel", "requiredSkills[0].weight");
    assertProblem(call(HttpMethod.POST, "/api/openings", "{\"title\":", "staff"), HttpStatus.BAD_REQUEST);
    assertProblem(call(HttpMethod.PUT, "/api/openings/1/status", "{\"status\":\"archived\"}", "staff"), HttpStatus.BAD_REQUEST);
    assertProblem(get("/api/openings?status=archived", "staff"), HttpStatus.BAD_REQUEST);
    assertThat(openings()).isEqualTo(before);
  }

  @Test
  void unknownOpeningsAre404AndReopeningAFullOpeningIs409() throws Exception {
    assertProblem(get("/api/openings/999999", "staff"), HttpStatus.NOT_FOUND);
    assertProblem(get("/api/openings/999999/candidates", "staff"), HttpStatus.NOT_FOUND);
    assertProblem(call(HttpMethod.PUT, "/api/openings/999999/status", "{\"status\":\"paused\"}", "staff"), HttpStatus.NOT_FOUND);

    long id = opening(employer(), "Java");
    jdbc.update("update job_opening set filled = positions, status = 'FILLED' where id = ?", id);
    ResponseEntity<String> refused = call(HttpMethod.PUT, "/api/openings/" + id + "/status", "{\"status\":\"open\"}", "staff");
    assertProblem(refused, HttpStatus.CONFLICT);
    assertThat(jdbc.queryForObject("select status from job_opening where id = ?", String.class, id)).isEqualTo("FILLED");
  }

  @Test
  void staffAndProgramManagersEditAnOpeningsDetails() throws Exception {
    String slug = employer();
    long id = opening(slug, "Java");

    ResponseEntity<String> edited =
        call(HttpMethod.PUT, "/api/openings/" + id, editBody("Senior integration developer", "seattle", 3, "JS"), "pm");

    assertThat(edited.getStatusCode()).as(edited.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode opening = json(get("/api/openings/" + id, "staff"));
    assertThat(opening.get("id").asLong()).isEqualTo(id);
    assertThat(opening.get("employer").asText()).isEqualTo(slug);
    assertThat(opening.get("title").asText()).isEqualTo("Senior integration developer");
    assertThat(opening.get("community").asText()).isEqualTo("seattle");
    assertThat(opening.get("remoteAllowed").asBoolean()).isFalse();
    assertThat(opening.get("positions").asInt()).isEqualTo(3);
    assertThat(opening.get("status").asText()).isEqualTo("open");
    assertThat(JSON.convertValue(opening.get("languages"), List.class)).containsExactly("Kotlin", "Java");
    assertThat(opening.get("requiredSkills").findValuesAsText("skill")).containsExactly("JavaScript", "Kubernetes");
    assertThat(opening.get("preferredSkills")).isEmpty();
    assertThat(json(edited).get("requiredSkills")).isEqualTo(opening.get("requiredSkills"));

    // the body of a posting, the employer included, is an edit as well
    ResponseEntity<String> again =
        call(HttpMethod.PUT, "/api/openings/" + id, editBody("Integration developer", "akron", 3, "Java").replace("{\"title\"", "{\"employer\":\"" + slug + "\",\"title\""), "staff");
    assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json(again).get("title").asText()).isEqualTo("Integration developer");
  }

  @Test
  void aBadEditIs400ListingEveryFieldErrorAndChangesNothing() throws Exception {
    long id = opening(employer(), "Java");
    String before = get("/api/openings/" + id, "staff").getBody();

    ResponseEntity<String> response =
        call(HttpMethod.PUT, "/api/openings/" + id,
            """
            {"employer":"magic-city-software","title":" ","community":"atlantis","positions":101,
             "languages":["Cobol"],
             "requiredSkills":[{"skill":"JS","minLevel":0,"weight":101},{"skill":"javascript","minLevel":2,"weight":1}]}
            """,
            "staff");
    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(errorFields(response))
        .containsExactlyInAnyOrder(
            "employer", "community", "title", "positions", "languages",
            "requiredSkills[0].minLevel", "requiredSkills[0].weight", "requiredSkills[1].skill");
    ResponseEntity<String> noRequiredSkill =
        call(HttpMethod.PUT, "/api/openings/" + id,
            "{\"title\":\"T\",\"community\":\"akron\",\"positions\":1,\"preferredSkills\":[{\"skill\":\"Git\",\"minLevel\":1,\"weight\":1}]}",
            "staff");
    assertProblem(noRequiredSkill, HttpStatus.BAD_REQUEST);
    assertThat(errorFields(noRequiredSkill)).containsExactly("skills");
    ResponseEntity<String> types =
        call(HttpMethod.PUT, "/api/openings/" + id, "{\"title\":5,\"community\":\"akron\",\"positions\":\"two\",\"colour\":\"blue\"}", "staff");
    assertProblem(types, HttpStatus.BAD_REQUEST);
    assertThat(errorFields(types)).containsExactly("colour", "positions", "title");
    assertProblem(call(HttpMethod.PUT, "/api/openings/" + id, "{\"title\":", "staff"), HttpStatus.BAD_REQUEST);

    assertThat(get("/api/openings/" + id, "staff").getBody()).as("nothing changed").isEqualTo(before);
  }

  @Test
  void anEditOfAnUnknownOpeningIs404AndFewerPositionsThanFilledIs409() throws Exception {
    assertProblem(call(HttpMethod.PUT, "/api/openings/999999", editBody("T", "akron", 1, "Java"), "staff"), HttpStatus.NOT_FOUND);

    long id = opening(employer(), "Java");
    jdbc.update("update job_opening set positions = 3, filled = 2 where id = ?", id);
    String before = get("/api/openings/" + id, "staff").getBody();

    ResponseEntity<String> refused = call(HttpMethod.PUT, "/api/openings/" + id, editBody("Fewer", "akron", 1, "Java"), "staff");

    assertProblem(refused, HttpStatus.CONFLICT);
    JsonNode problem = json(refused);
    assertThat(problem.get("title").asText()).isEqualTo("Edit refused");
    assertThat(problem.get("field").asText()).isEqualTo("positions");
    assertThat(problem.get("filled").asInt()).isEqualTo(2);
    assertThat(problem.get("detail").asText()).contains("cannot have fewer than 2 positions");
    assertThat(get("/api/openings/" + id, "staff").getBody()).as("nothing changed").isEqualTo(before);

    ResponseEntity<String> asManyAsFilled = call(HttpMethod.PUT, "/api/openings/" + id, editBody("Fewer", "akron", 2, "Java"), "staff");
    assertThat(asManyAsFilled.getStatusCode()).as(asManyAsFilled.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(json(asManyAsFilled).get("status").asText()).isEqualTo("filled");
    assertThat(json(asManyAsFilled).get("positions").asInt()).isEqualTo(2);
  }

  // --- matches ------------------------------------------------------------------------------

  @Test
  void theShortlistAndAnApplicationsMatchesRankWithExplanations() throws Exception {
    String skill = "Integration Widgets " + SEQUENCE.incrementAndGet();
    long id = opening(employer(), skill);
    String strong = application(skill, 5);
    String weak = application(skill, 1);
    String without = application("Cobol", 3);

    JsonNode shortlist = json(get("/api/openings/" + id + "/candidates", "staff"));
    List<String> references = shortlist.get("candidates").findValuesAsText("reference");
    assertThat(references).containsExactly(strong, weak).doesNotContain(without);
    JsonNode best = shortlist.get("candidates").get(0);
    assertThat(best.get("score").asDouble()).isGreaterThan(shortlist.get("candidates").get(1).get("score").asDouble());
    assertThat(best.get("explanation").asText())
        .contains("- " + skill + ": required level 2, weight 3 — held at level 5, self-reported")
        .contains("- PostgreSQL: preferred level 1, weight 1 — held at level 2, shown in a project (project)")
        .contains("Location: remote work allowed");
    assertThat(shortlist.get("taxonomyVersion").asText()).isNotBlank();

    JsonNode matches = json(get("/api/applications/" + strong + "/matches", "staff"));
    assertThat(matches.get("matches").findValuesAsText("openingId")).contains(String.valueOf(id));
    assertThat(json(get("/api/applications/" + without + "/matches?limit=100", "staff")).get("matches").findValuesAsText("openingId"))
        .doesNotContain(String.valueOf(id));
    assertProblem(get("/api/applications/XYZ-000000/matches", "staff"), HttpStatus.NOT_FOUND);
    assertProblem(get("/api/openings/" + id + "/candidates?limit=0", "staff"), HttpStatus.BAD_REQUEST);
  }

  @Test
  void skillsTheTaxonomyDoesNotKnowAreReportedAsWrittenNeverDropped() throws Exception {
    String unknown = "Hyperloop Scripting " + SEQUENCE.incrementAndGet();
    String refused = "Refused Scripting " + SEQUENCE.incrementAndGet();
    application(unknown, 2);
    application("JavaScript", 2);
    ResponseEntity<String> notStored =
        call(HttpMethod.POST, "/api/applications",
            """
            {"firstName":"Grace","lastName":"Hopper","email":"refused-%d@example.org",
             "community":"birmingham","roleTrack":"software-engineer","languages":["Python"],
             "skills":[{"name":"%s","level":2}],"consent":false}
            """.formatted(SEQUENCE.incrementAndGet(), refused),
            null);
    assertProblem(notStored, HttpStatus.BAD_REQUEST);

    JsonNode report = json(get("/api/skills/unknown", "staff"));
    List<String> names = report.get("unknown").findValuesAsText("name");
    assertThat(names).contains(unknown).doesNotContain("JavaScript", refused);
    JsonNode entry = null;
    for (JsonNode skill : report.get("unknown")) {
      entry = unknown.equals(skill.get("name").asText()) ? skill : entry;
    }
    assertThat(JSON.convertValue(entry.get("spellings"), List.class)).containsExactly(unknown);
    assertThat(entry.get("applications").asInt()).isEqualTo(1);
    assertThat(entry.get("communities").get(0).get("community").asText()).isEqualTo("birmingham");
    assertThat(entry.get("communities").get(0).get("applications").asInt()).isEqualTo(1);
    assertThat(report.get("taxonomyVersion").asText()).isNotBlank();

    JsonNode taxonomy = json(get("/api/skills", "staff"));
    assertThat(taxonomy.get("skills").asInt()).isGreaterThanOrEqualTo(300);
    assertThat(taxonomy.get("version").asText()).isEqualTo(report.get("taxonomyVersion").asText());
  }

  // --- who may ------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /api/employers",
    "GET, /api/employers/magic-city-software",
    "POST, /api/employers",
    "PUT, /api/employers/magic-city-software",
    "PUT, /api/employers/magic-city-software/status",
    "GET, /api/openings",
    "GET, /api/openings/1",
    "POST, /api/openings",
    "PUT, /api/openings/1",
    "PUT, /api/openings/1/status",
    "GET, /api/openings/1/candidates",
    "GET, /api/applications/BHM-000001/matches",
    "GET, /api/skills",
    "GET, /api/skills/unknown",
  })
  void onlyStaffProgramManagersAndAdminsMayAndStrangersMustSignIn(String method, String path) {
    long before = openings();
    String body = "{\"status\":\"closed\",\"active\":false}";
    assertProblem(call(HttpMethod.valueOf(method), path, body, "employer"), HttpStatus.FORBIDDEN);
    assertProblem(call(HttpMethod.valueOf(method), path, body, "vetter-atlanta"), HttpStatus.FORBIDDEN);
    assertProblem(call(HttpMethod.valueOf(method), path, body, null), HttpStatus.UNAUTHORIZED);
    assertThat(openings()).isEqualTo(before);
  }
}
