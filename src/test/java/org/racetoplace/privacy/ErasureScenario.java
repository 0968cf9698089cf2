package org.racetoplace.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.racetoplace.pipeline.HiringPipeline;
import org.racetoplace.platform.identity.HiringGroups;
import org.racetoplace.privacy.PersonalDataErasure.Erasure;
import org.racetoplace.privacy.PersonalDataErasure.Reason;
import org.racetoplace.vetting.CandidateUpdateService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasure leaves no trace: a case with a distinctive name and email is driven through intake, the
 * confirmation mail, a vetting task (claimed, commented on, given an attachment and careless
 * variables, one of them bytes), a question to the candidate and their answer, and a provider's
 * delivery; then it is erased, and every column of every table of the database, Camunda's
 * {@code ACT_*} tables and the byte arrays of {@code ACT_GE_BYTEARRAY} included, is read back in
 * search of the name and the email. The same scenario runs on H2 ({@link ErasureLeavesNoTraceTest})
 * and on PostgreSQL ({@code PostgresErasureTest}); the job executor is off, the test runs the jobs.
 */
public abstract class ErasureScenario {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STAFF = "privacy-test-staff";

  @Autowired protected TestRestTemplate rest;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected DataSource dataSource;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected IdentityService identityService;
  @Autowired protected CandidateUpdateService candidateUpdates;
  @Autowired protected PersonalDataErasure erasure;

  /** Letters no other test and no engine table would ever hold. */
  private static String distinctive(String prefix) {
    StringBuilder word = new StringBuilder(prefix);
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }

  @Test
  public void erasureLeavesNoTraceOfTheNameOrTheEmailInAnyColumnOfAnyTable() throws Exception {
    String firstName = distinctive("Xanthe");
    String lastName = distinctive("Oyelaran");
    String email = firstName.toLowerCase(Locale.ROOT) + "." + lastName.toLowerCase(Locale.ROOT) + "@privacy-test.example";
    String fullName = firstName + " " + lastName;
    List<String> traces = List.of(firstName, lastName, email);

    ResponseEntity<String> submitted = rest.postForEntity("/api/applications", jsonRequest(
        Map.ofEntries(
            Map.entry("firstName", firstName),
            Map.entry("lastName", lastName),
            Map.entry("email", email),
            Map.entry("phone", "+1 205 555 0177"),
            Map.entry("community", "birmingham"),
            Map.entry("roleTrack", "software-engineer"),
            Map.entry("languages", List.of("Java", "Python")),
            Map.entry("skills", List.of(Map.of("name", "Java", "level", 4))),
            Map.entry("workHistory", List.of(Map.of("title", "Clerk", "employer", lastName + " Family Store", "startYear", 2015))),
            Map.entry("projects", List.of(Map.of(
                "name", "Portfolio of " + firstName,
                "url", "https://example.org/" + lastName.toLowerCase(Locale.ROOT),
                "description", "Built by " + fullName + ", write to " + email,
                "technologies", List.of("Java")))),
            Map.entry("certificates", List.of(Map.of("name", "Java bootcamp", "issuer", "Innovation Depot", "year", 2016))),
            Map.entry("selfIdentification", Map.of("sex", "female", "raceEthnicity", "Black or African American")),
            Map.entry("consent", true))), String.class);
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode receipt = JSON.readTree(submitted.getBody());
    String reference = receipt.get("reference").asText();
    String token = receipt.get("statusToken").asText();
    String processInstanceId =
        jdbc.queryForObject("select process_instance_id from application where reference = ?", String.class, reference);

    // the confirmation mail goes out (outbox row SENT, its job's history)
    runJobs(processInstanceId);

    // the case is moved on to vetting, where staff are careless with the name
    runtimeService.createProcessInstanceModification(processInstanceId)
        .cancelAllForActivity(HiringPipeline.STAGE_ASSESS)
        .startBeforeActivity(HiringPipeline.TASK_VET_CANDIDATE)
        .execute();
    identityService.setAuthentication(STAFF, List.of(HiringGroups.ADMINS));
    try {
      Task vetting = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
      taskService.claim(vetting.getId(), STAFF);
      taskService.createComment(vetting.getId(), processInstanceId, "Phoned " + fullName + " at " + email);
      taskService.createAttachment(
          "text/plain", vetting.getId(), processInstanceId, "cv-" + lastName + ".txt", "CV of " + fullName,
          new ByteArrayInputStream(("Curriculum vitae of " + fullName + ", " + email).getBytes(StandardCharsets.UTF_8)));
      runtimeService.setVariable(processInstanceId, "staffNote", "Call " + fullName + " back");
      runtimeService.setVariable(
          processInstanceId, "staffNotes", Variables.byteArrayValue((fullName + " <" + email + ">").getBytes(StandardCharsets.UTF_8)));
      taskService.setVariableLocal(vetting.getId(), "reviewerNote", "Met " + firstName + " at a meetup");
      taskService.complete(
          vetting.getId(),
          Variables.createVariables()
              .putValue(HiringPipeline.VAR_VETTING_DECISION, HiringPipeline.DECISION_MORE_INFORMATION)
              .putValue(HiringPipeline.VAR_INFORMATION_REQUESTED, firstName + ", which projects did you build with SQL?")
              .putValue(HiringPipeline.VAR_VETTING_RATIONALE, lastName + " looks promising"));
    } finally {
      identityService.clearAuthentication();
    }
    // the question goes out by mail, the candidate answers
    runJobs(processInstanceId);
    candidateUpdates.receive(reference, token, "I am " + fullName + ", reach me at " + email + ".");
    runJobs(processInstanceId);
    // a provider's delivery for the case
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    jdbc.update(
        "insert into assessment_inbox (provider, webhook_id, webhook_timestamp, application_reference,"
            + " provider_assessment_id, payload, status, attempts, last_error, received_at, updated_at)"
            + " values ('privacy-test', ?, ?, ?, ?, ?, 'REJECTED', 1, ?, ?, ?)",
        "msg_" + reference, now, reference, "sitting-" + lastName,
        "{\"reference\":\"" + reference + "\",\"candidate\":\"" + email + "\"}", "case of " + fullName + " ended", now, now);

    // the scan does find the traces while they are there, in our tables and in the engine's
    List<String> before = scan(traces);
    assertThat(before).anyMatch(hit -> hit.startsWith("candidate."));
    assertThat(before).anyMatch(hit -> hit.startsWith("notification."));
    assertThat(before).anyMatch(hit -> hit.startsWith("act_hi_comment."));
    assertThat(before).anyMatch(hit -> hit.startsWith("act_hi_varinst."));
    assertThat(before).anyMatch(hit -> hit.startsWith("act_ge_bytearray."));

    Erasure erased = erasure.erase(reference, STAFF, Reason.REQUEST);

    assertThat(erased.alreadyErased()).isFalse();
    assertThat(erased.endedRunningCase()).isTrue();
    assertThat(erased.erasedApplications()).containsExactly(reference);
    assertThat(scan(traces)).as("traces of the candidate after erasure").isEmpty();

    // what stays: anonymous facts for the reports, and the audit
    Map<String, Object> application =
        jdbc.queryForMap("select community_id, role_track, status from application where reference = ?", reference);
    assertThat(application.values()).containsExactly("birmingham", "software-engineer", "WITHDRAWN");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
    assertThat(jdbc.queryForList(
            "select p.stage from case_stage_period p join application a on a.id = p.application_id"
                + " where a.reference = ? order by p.entered_at", String.class, reference))
        .contains(HiringPipeline.STAGE_APPLY, HiringPipeline.STAGE_VET);
    assertThat(jdbc.queryForObject(
            "select cases from self_identification_tally where community_id = 'birmingham'"
                + " and role_track = 'software-engineer' and furthest_stage = ? and outcome = 'WITHDRAWN'"
                + " and sex = 'female' and race_ethnicity = 'Black or African American'",
            Integer.class, HiringPipeline.STAGE_VET))
        .isPositive();
    assertThat(jdbc.queryForMap(
            "select erased_by, reason, ended_running_case from privacy_erasure where application_reference = ?", reference)
            .values())
        .containsExactly(STAFF, "REQUEST", true);
    assertThat(jdbc.queryForObject(
            "select count(*) from vetting_review v join application a on a.id = v.application_id where a.reference = ?",
            Integer.class, reference))
        .isEqualTo(1);

    Erasure again = erasure.erase(reference, "someone-else", Reason.REQUEST);
    assertThat(again.alreadyErased()).isTrue();
    assertThat(again.erasedBy()).isEqualTo(STAFF);
    assertThat(again.erasedAt()).isEqualTo(erased.erasedAt());
  }

  private static org.springframework.http.HttpEntity<String> jsonRequest(Map<String, Object> body) throws Exception {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return new org.springframework.http.HttpEntity<>(JSON.writeValueAsString(body), headers);
  }

  /** Runs the case's due jobs (mail steps) until none is left; timers not yet due stay. */
  private void runJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("jobs of " + processInstanceId + " keep coming");
  }

  /**
   * Every table of the current schema (INFORMATION_SCHEMA.TABLES) read whole: each value of each
   * column, as text (character and CLOB columns), as UTF-8 (binary, BLOB and bytea columns: the
   * byte arrays of variables and attachments) or as printed (anything else). A hit is named
   * {@code table.column}, lower case.
   */
  private List<String> scan(List<String> traces) throws SQLException {
    List<String> wanted = traces.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    List<String> hits = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      String schema = connection.getSchema();
      List<String> tables =
          jdbc.queryForList(
              "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'",
              String.class,
              schema);
      assertThat(tables).as("tables of schema " + schema).hasSizeGreaterThan(40);
      for (String table : tables) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("select * from \"" + table + "\"")) {
          ResultSetMetaData columns = rows.getMetaData();
          while (rows.next()) {
            for (int i = 1; i <= columns.getColumnCount(); i++) {
              String text = asText(rows.getObject(i));
              if (text == null) {
                continue;
              }
              String lower = text.toLowerCase(Locale.ROOT);
              for (String trace : wanted) {
                if (lower.contains(trace)) {
                  hits.add((table + "." + columns.getColumnName(i)).toLowerCase(Locale.ROOT));
                }
              }
            }
          }
        }
      }
    }
    return hits;
  }

  private static String asText(Object value) throws SQLException {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    if (value instanceof Blob blob) {
      return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
    }
    return value.toString();
  }
}
