package org.racetoplace.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The report endpoints and the staff page over HTTP on the embedded default (demo users, password
 * {@code demo}): who may read them (401, 403, 200), the JSON and CSV shapes, the page's
 * Content-Security-Policy and its static files.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class ReportApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY = "?from=2020-01-01&to=2099-12-31";
  private static final List<String> API =
      List.of("/api/reports/funnel" + QUERY, "/api/reports/adverse-impact" + QUERY);
  private static final String PAGE = "/staff/reports";

  @Autowired TestRestTemplate rest;

  private ResponseEntity<String> get(String path, String user, MediaType... accept) {
    HttpHeaders headers = new HttpHeaders();
    if (accept.length > 0) {
      headers.setAccept(List.of(accept));
    }
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private static boolean isProblem(ResponseEntity<String> response) {
    MediaType type = response.getHeaders().getContentType();
    return type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void anonymousCallersMustSignIn() {
    for (String path : API) {
      ResponseEntity<String> response = get(path, null, MediaType.APPLICATION_JSON);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(isProblem(response)).as(path).isTrue();
    }
    ResponseEntity<String> page = get(PAGE, null, MediaType.TEXT_HTML);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(page.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"race-to-place\"");
  }

  @Test
  void vettersInterviewersAndEmployersAreRefused() {
    for (String user : List.of("vetter-birmingham", "interviewer", "employer")) {
      for (String path : API) {
        ResponseEntity<String> response = get(path, user, MediaType.APPLICATION_JSON);
        assertThat(response.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(isProblem(response)).as(path).isTrue();
        assertThat(response.getBody()).doesNotContain("stages");
      }
      ResponseEntity<String> page = get(PAGE, user, MediaType.TEXT_HTML);
      assertThat(page.getStatusCode()).as(user + " page").isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(isProblem(page)).isFalse();
      assertThat(String.valueOf(page.getBody())).doesNotContain("reports.js");
    }
  }

  @Test
  void staffAndProgramManagersReadBothReportsAsJson() throws Exception {
    for (String user : List.of("staff", "pm")) {
      JsonNode funnel = JSON.readTree(get(API.get(0), user).getBody());
      assertThat(funnel.get("period").get("from").asText()).isEqualTo("2020-01-01");
      JsonNode stages = funnel.get("overall").get("stages");
      assertThat(stages).hasSize(7);
      assertThat(stages.get(0).get("stage").asText()).isEqualTo("APPLIED");
      // the demo data: 15 sample applications
      assertThat(stages.get(0).get("count").asLong()).isEqualTo(15);
      assertThat(funnel.get("communities")).hasSize(6);
      assertThat(funnel.get("overall").get("timeInStage")).hasSize(5);

      JsonNode impact = JSON.readTree(get(API.get(1), user).getBody());
      assertThat(impact.get("fourFifthsThreshold").asDouble()).isEqualTo(0.8);
      assertThat(impact.get("minimumGroupSize").asInt()).isEqualTo(5);
      assertThat(impact.get("overall").get("candidates").asLong()).isEqualTo(15);
      assertThat(impact.get("overall").get("stages")).hasSize(5);
    }
  }

  @Test
  void badParametersAre400WithFieldErrors() throws Exception {
    ResponseEntity<String> response = get("/api/reports/funnel?from=yesterday&community=atlantis", "staff");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(isProblem(response)).isTrue();
    List<String> fields = JSON.readTree(response.getBody()).findValuesAsText("field");
    assertThat(fields).containsExactly("from", "to", "community");
    assertThat(get(API.get(1) + "&format=xml", "staff").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void csvByParameterOrAcceptHeaderHasOneHeaderRowAndRectangularRows() throws Exception {
    ResponseEntity<String> funnel = get(API.get(0) + "&format=csv", "staff");
    assertThat(funnel.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(funnel.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    assertThat(funnel.getHeaders().getContentDisposition().getFilename()).isEqualTo("funnel-2020-01-01-2099-12-31.csv");
    List<CSVRecord> rows = parse(funnel.getBody());
    assertThat(rows.get(0).toList()).containsExactly(ReportCsv.FUNNEL_HEADER);
    assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(ReportCsv.FUNNEL_HEADER.length));
    assertThat(rows.get(1).toList()).containsExactly("ALL", "funnel", "APPLIED", "count", "15");
    assertThat(funnel.getBody()).contains("\r\n");

    ResponseEntity<String> impact = get(API.get(1), "pm", MediaType.parseMediaType("text/csv"));
    assertThat(impact.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(impact.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    List<CSVRecord> impactRows = parse(impact.getBody());
    assertThat(impactRows.get(0).toList()).containsExactly(ReportCsv.IMPACT_HEADER);
    assertThat(impactRows).allSatisfy(r -> assertThat(r.size()).isEqualTo(ReportCsv.IMPACT_HEADER.length));
    // overall and six communities, five stages, two questions, at least "not disclosed" each
    assertThat(impactRows.size() - 1).isGreaterThanOrEqualTo(7 * 5 * 2);
  }

  @Test
  void thePageLoadsOnlyItsOwnFilesUnderAStrictPolicy() {
    ResponseEntity<String> page = get(PAGE, "staff", MediaType.TEXT_HTML);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    String csp = page.getHeaders().getFirst("Content-Security-Policy");
    assertThat(csp).contains("script-src 'self'").contains("style-src 'self'").doesNotContain("unsafe-inline");
    String html = page.getBody();
    assertThat(html).contains("/staff/reports.js", "/staff/reports.css", "/webjars/chart.js/4.4.1/dist/chart.umd.js");
    assertThat(html).doesNotContain("<style", " style=", "onclick", "onload");
    assertThat(html.replaceAll("(?s)<script[^>]*src=[^>]*></script>", "")).doesNotContain("<script");

    for (String file : List.of("/staff/reports.js", "/staff/reports.css", "/webjars/chart.js/4.4.1/dist/chart.umd.js")) {
      assertThat(get(file, null).getStatusCode()).as(file).isEqualTo(HttpStatus.OK);
    }
    // only those files: the rest of /staff still asks for a sign-in
    assertThat(get("/staff/reports/anything", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private static List<CSVRecord> parse(String body) throws Exception {
    return CSVFormat.RFC4180.parse(new StringReader(body)).getRecords();
  }
}
