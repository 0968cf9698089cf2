package org.racetoplace.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.vetting.TestApplications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The staff page {@code /staff/stuck-cases} over HTTP on the embedded default (demo users,
 * password {@code demo}): who may open it, what it lists, and that it needs neither inline script
 * nor inline style. The stuck case is a vetting task created ten days ago (engine clock set back).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class StuckCasePageTest {

  private static final String PATH = "/staff/stuck-cases";

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  private ResponseEntity<String> get(String path, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  @Test
  void staffSeeTheStuckCaseInItsCommunityWithLinksToCockpitAndTasklist() {
    Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(10));
    StuckCaseFixtures.Case stuck =
        new StuckCaseFixtures(context).waitingAt(HiringPipeline.TASK_VET_CANDIDATE, "birmingham", since);
    String taskId = taskService.createTaskQuery().processInstanceId(stuck.processInstanceId()).singleResult().getId();
    String executionId =
        runtimeService.createExecutionQuery().processInstanceId(stuck.processInstanceId())
            .activityId(HiringPipeline.TASK_VET_CANDIDATE).singleResult().getId();
    runtimeService.createIncident(Incident.FAILED_JOB_HANDLER_TYPE, executionId, null, "page test: provider unavailable");

    ResponseEntity<String> response = get(PATH, "staff");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    String html = response.getBody();
    assertThat(html)
        .contains("<h1>Stuck cases</h1>")
        .contains("<h3 id=\"community-birmingham\">Birmingham, AL</h3>")
        .contains("<caption>Birmingham, AL: ")
        .contains("<th scope=\"rowgroup\" colspan=\"8\">Stage: Vet</th>")
        .contains("<th scope=\"row\">" + stuck.reference() + "</th>")
        .contains("<td>Vet candidate</td>")
        .contains("<time datetime=\"" + since + "\">")
        .contains("<td>P5D</td>")
        .contains("<td>group vetters-birmingham</td>")
        .contains("<td class=\"alert\">1</td>")
        .contains("href=\"/camunda/app/cockpit/default/#/process-instance/" + stuck.processInstanceId() + "\"")
        .contains("href=\"/camunda/app/tasklist/default/#/?task=" + taskId + "\"")
        .contains("<h2 id=\"incidents-heading\">Open incidents</h2>")
        .contains("<caption>Failed jobs by activity and message</caption>")
        .contains("<th scope=\"row\">Task_VetCandidate</th>")
        .contains("<td>page test: provider unavailable</td>")
        .contains("<link rel=\"stylesheet\" href=\"/staff/stuck-cases.css\">");
    assertThat(html).as("times in the community's zone").containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} C[DS]T");
    // a strict Content-Security-Policy: no script at all, no inline style
    assertThat(html).doesNotContain("<script").doesNotContain("<style").doesNotContain("style=")
        .doesNotContainPattern("\\son[a-z]+=").doesNotContain("javascript:");
    for (String personal : TestApplications.PERSONAL_DATA) {
      assertThat(html).doesNotContain(personal);
    }

    ResponseEntity<String> css = get("/staff/stuck-cases.css", "staff");
    assertThat(css.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(css.getBody()).contains("caption");
  }

  @Test
  void programManagersAndAdminsMayFilterByCommunityAndStage() {
    Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(9));
    StuckCaseFixtures.Case stuck =
        new StuckCaseFixtures(context).waitingAt(HiringPipeline.TASK_AWAIT_ASSESSMENT, "seattle", since);

    ResponseEntity<String> seattle = get(PATH + "?community=seattle&stage=assess", "pm");
    assertThat(seattle.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(seattle.getBody())
        .contains("<th scope=\"row\">" + stuck.reference() + "</th>")
        .contains("Stage: Assess")
        .contains("<td>the candidate</td>")
        .doesNotContain("Stage: Vet")
        .doesNotContain("?task=")
        .contains("<option value=\"seattle\" selected=\"selected\">Seattle, WA</option>");

    ResponseEntity<String> akron = get(PATH + "?community=akron", "admin");
    assertThat(akron.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(akron.getBody()).doesNotContain(stuck.reference());
  }

  @Test
  void anUnknownFilterIsAnsweredWith400AndItsMessageOnThePage() {
    ResponseEntity<String> response = get(PATH + "?community=atlantis", "staff");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody())
        .contains("The filter could not be applied")
        .contains("Unknown community")
        .doesNotContain("Cases past target");
  }

  @Test
  void othersAreRefusedAndAnonymousVisitorsMustSignIn() {
    assertThat(get(PATH, "vetter-birmingham").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(PATH, "interviewer").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(PATH, "employer").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> anonymous = get(PATH, null);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(anonymous.getBody() == null ? "" : anonymous.getBody()).doesNotContain("Cases past target");
    assertThat(get(PATH, "vetter-birmingham").getBody()).doesNotContain("Cases past target");
  }
}
