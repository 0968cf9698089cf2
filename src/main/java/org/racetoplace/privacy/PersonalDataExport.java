package org.racetoplace.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.racetoplace.ops.PipelineStage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A subject access request: everything our tables hold about the candidate of an application, in
 * every application of theirs in that community, with each case's history summary (the stages it
 * passed through and when) from the engine. Staff hand it to the candidate; nothing is changed.
 */
@Service
public class PersonalDataExport {

  /** The whole answer: the person, then each of their applications. */
  public record Export(
      String reference, Instant generatedAt, Map<String, Object> candidate, List<Map<String, Object>> applications) {}

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final CaseHistoryEraser caseHistory;
  private final PersonalDataErasure erasure;
  private final Clock clock;

  @Autowired
  public PersonalDataExport(
      JdbcTemplate jdbc, HistoryService historyService, CaseHistoryEraser caseHistory, PersonalDataErasure erasure) {
    this(jdbc, historyService, caseHistory, erasure, Clock.systemUTC());
  }

  PersonalDataExport(
      JdbcTemplate jdbc,
      HistoryService historyService,
      CaseHistoryEraser caseHistory,
      PersonalDataErasure erasure,
      Clock clock) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.caseHistory = caseHistory;
    this.erasure = erasure;
    this.clock = clock;
  }

  /**
   * @throws UnknownReferenceException no application has this reference
   * @throws PersonalDataErasedException the candidate's data was erased; nothing is left to export
   */
  @Transactional(readOnly = true)
  public Export export(String reference) {
    List<Long> candidateIds =
        jdbc.queryForList("select candidate_id from application where reference = ?", Long.class, reference);
    if (candidateIds.isEmpty()) {
      throw new UnknownReferenceException(reference);
    }
    erasure
        .recorded(reference)
        .ifPresent(erased -> {
          throw new PersonalDataErasedException(reference, erased.erasedAt());
        });
    long candidateId = candidateIds.get(0);
    Map<String, Object> candidate =
        rows(
                "select c.email, c.first_name, c.last_name, c.phone, c.community_id, c.consent_at, c.created_at,"
                    + " c.updated_at from candidate c where c.id = ?",
                List.of("email", "firstName", "lastName", "phone", "community", "consentAt", "createdAt", "updatedAt"),
                candidateId)
            .get(0);
    List<Map<String, Object>> applications =
        rows(
            "select id, reference, status, community_id, role_track, created_at, updated_at, process_instance_id"
                + " from application where candidate_id = ? order by id",
            List.of("id", "reference", "status", "community", "roleTrack", "submittedAt", "updatedAt", "processInstanceId"),
            candidateId);
    applications.forEach(this::addApplicationData);
    return new Export(reference, clock.instant(), candidate, applications);
  }

  /**
   * The confirmation carries the status link with the candidate's secret token; the export is read
   * by staff first, who must not be able to act as the candidate, so the token is left out.
   */
  static String redactTokens(String text) {
    return STATUS_TOKEN.matcher(text).replaceAll("$1[redacted]");
  }

  private static final Pattern STATUS_TOKEN = Pattern.compile("([?&]token=)[A-Za-z0-9_-]+");

  @SuppressWarnings("unchecked")
  private void addApplicationData(Map<String, Object> application) {
    long id = ((Number) application.remove("id")).longValue();
    String reference = (String) application.get("reference");
    String processInstanceId = (String) application.remove("processInstanceId");
    application.put(
        "languages",
        jdbc.queryForList(
            "select language from application_language where application_id = ? order by item_index", String.class, id));
    application.put(
        "skills",
        rows("select name, skill_level, canonical_name from application_skill where application_id = ? order by item_index",
            List.of("name", "level", "canonicalSkill"), id));
    application.put(
        "workHistory",
        rows("select title, employer, start_year, end_year from application_work_history where application_id = ?"
                + " order by item_index",
            List.of("title", "employer", "startYear", "endYear"), id));
    List<Map<String, Object>> projects =
        rows("select id, name, url, description from application_project where application_id = ? order by item_index",
            List.of("id", "name", "url", "description"), id);
    for (Map<String, Object> project : projects) {
      long projectId = ((Number) project.remove("id")).longValue();
      List<Map<String, Object>> technologies =
          jdbc.queryForList(
              "select technology, canonical_name from application_project_technology where project_id = ?"
                  + " order by item_index",
              projectId);
      // as written, and the taxonomy's skill each stands for (null when it knows none), in one order
      project.put("technologies", technologies.stream().map(row -> row.get("technology")).toList());
      project.put(
          "technologySkills",
          technologies.stream().map(row -> row.get("canonical_name")).toList());
    }
    application.put("projects", projects);
    application.put(
        "certificates",
        rows("select name, issuer, award_year, url from application_certificate where application_id = ?"
                + " order by item_index",
            List.of("name", "issuer", "year", "url"), id));
    application.put(
        "selfIdentification",
        rows("select sex, race_ethnicity, recorded_at from application_self_identification where application_id = ?",
                List.of("sex", "raceEthnicity", "recordedAt"), id)
            .stream().findFirst().orElse(null));
    application.put(
        "assessmentResults",
        rows("select source, provider, language, fundamentals_score, language_score, scaled_score, raw_score,"
                + " max_score, completed_at from assessment_result where application_id = ? order by id",
            List.of("source", "provider", "language", "fundamentalsScore", "languageScore", "scaledScore", "rawScore",
                "maxScore", "completedAt"),
            id));
    application.put(
        "assessmentAnswers",
        rows("select i.item_id, i.section, i.topic, i.answer, i.answered_at, i.correct from assessment_sitting_item i"
                + " join assessment_sitting s on s.id = i.sitting_id where s.application_id = ? order by i.form_position",
            List.of("itemId", "section", "topic", "answer", "answeredAt", "correct"), id));
    application.put(
        "vettingReviews",
        rows("select round, decision, rationale, information_requested, decided_at from vetting_review"
                + " where application_id = ? order by round",
            List.of("round", "decision", "rationale", "informationRequested", "decidedAt"), id));
    application.put(
        "candidateUpdates",
        rows("select message, received_at from candidate_update where application_id = ? order by id",
            List.of("message", "receivedAt"), id));
    application.put(
        "interviews",
        rows("select attempt, scheduled_at, time_zone, format, location from interview_appointment"
                + " where application_id = ? order by attempt",
            List.of("attempt", "scheduledAt", "timeZone", "format", "location"), id));
    application.put(
        "interviewScorecards",
        rows("select a.attempt, s.attended, s.communication_score, s.teamwork_score, s.problem_solving_score,"
                + " s.learning_agility_score, s.professionalism_score, s.notes, s.recommendation, s.score, s.recorded_at"
                + " from interview_scorecard s join interview_appointment a on a.id = s.appointment_id"
                + " where s.application_id = ? order by a.attempt",
            List.of("attempt", "attended", "communicationScore", "teamworkScore", "problemSolvingScore",
                "learningAgilityScore", "professionalismScore", "notes", "recommendation", "score", "recordedAt"),
            id));
    application.put(
        "matchProposals",
        rows("select o.title, e.name, p.score, p.status, p.explanation, p.decline_reason, p.created_at, p.decided_at"
                + " from match_proposal p join job_opening o on o.id = p.opening_id"
                + " join employer_partner e on e.id = o.employer_id where p.application_id = ? order by p.id",
            List.of("opening", "employer", "score", "status", "explanation", "declineReason", "proposedAt", "decidedAt"),
            id));
    application.put(
        "placement",
        rows("select o.title, e.name, p.start_date, p.confirmed_at from placement p"
                + " join job_opening o on o.id = p.opening_id join employer_partner e on e.id = p.employer_id"
                + " where p.application_id = ?",
                List.of("opening", "employer", "startDate", "confirmedAt"), id)
            .stream().findFirst().orElse(null));
    application.put(
        "notifications",
        rows("select event_type, recipient_email, recipient_name, subject, body, status, created_at, sent_at"
                + " from notification where application_reference = ? order by id",
            List.of("event", "recipientEmail", "recipientName", "subject", "body", "status", "createdAt", "sentAt"),
            reference));
    for (Map<String, Object> notification : (List<Map<String, Object>>) application.get("notifications")) {
      notification.computeIfPresent("body", (key, body) -> redactTokens((String) body));
    }
    application.put("history", history(reference, processInstanceId));
  }

  /** The case as the engine recorded it: started, ended, and each stage with its dates. */
  private Map<String, Object> history(String reference, String processInstanceId) {
    Map<String, Object> history = new LinkedHashMap<>();
    HistoricProcessInstance instance =
        processInstanceId == null
            ? null
            : historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    history.put("startedAt", instance == null ? null : instance.getStartTime().toInstant());
    history.put(
        "endedAt", instance == null || instance.getEndTime() == null ? null : instance.getEndTime().toInstant());
    List<Map<String, Object>> stages =
        caseHistory.stagePeriods(caseHistory.processInstancesOf(reference, processInstanceId)).stream()
            .map(
                period -> {
                  Map<String, Object> stage = new LinkedHashMap<>();
                  stage.put("stage", period.stage());
                  stage.put("name", stageName(period.stage()));
                  stage.put("enteredAt", period.enteredAt());
                  stage.put("leftAt", period.leftAt());
                  return stage;
                })
            .toList();
    history.put("stages", stages);
    return history;
  }

  private static String stageName(String stageId) {
    return PipelineStage.fromParameter(stageId).map(PipelineStage::label).orElse(stageId);
  }

  private List<Map<String, Object>> rows(String sql, List<String> names, Object argument) {
    return jdbc.query(
        sql,
        (rs, row) -> {
          Map<String, Object> values = new LinkedHashMap<>();
          for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), JdbcValues.json(rs.getObject(i + 1)));
          }
          return values;
        },
        argument);
  }
}
