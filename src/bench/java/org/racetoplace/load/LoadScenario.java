package org.racetoplace.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * What the load driver sends: applicants who pass every stage (Java, passing assessment scores,
 * approved, attended interviews, invited and hired), the people who work the tasks, and an
 * employer partner per community whose openings take those applicants.
 */
final class LoadScenario {

  static final List<String> COMMUNITIES =
      List.of("birmingham", "atlanta", "akron", "seattle", "hawaii", "rhode-island");
  static final String ROLE_TRACK = "software-engineer";
  static final String INTERVIEWER = "load-interviewer";
  static final String STAFF = "load-staff";
  /** An opening holds at most this many positions (the openings API's limit). */
  static final int POSITIONS_PER_OPENING = 100;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private LoadScenario() {}

  static String employerSlug(String community) {
    return "load-" + community;
  }

  static String vetter(String community) {
    return "load-vetter-" + community;
  }

  static String employer(String community) {
    return "load-employer-" + community;
  }

  static String community(long sequence) {
    return COMMUNITIES.get((int) (sequence % COMMUNITIES.size()));
  }

  /** A complete application; {@code runId} and {@code sequence} make the email unique. */
  static ObjectNode application(String runId, String client, long sequence) {
    ObjectNode body = JSON.objectNode();
    body.put("firstName", "Load");
    body.put("lastName", "Tester " + sequence);
    body.put("email", ("load-" + runId + "-" + client + "-" + sequence + "@example.org").toLowerCase(Locale.ROOT));
    body.put("community", community(sequence));
    body.put("roleTrack", ROLE_TRACK);
    body.putArray("languages").add("Java");
    ArrayNode skills = body.putArray("skills");
    skills.addObject().put("name", "Java").put("level", 4);
    skills.addObject().put("name", "SQL").put("level", 3);
    skills.addObject().put("name", "Git").put("level", 3);
    body.putArray("workHistory")
        .addObject()
        .put("title", "Cashier")
        .put("employer", "Corner Store")
        .put("startYear", 2015)
        .put("endYear", 2022);
    ObjectNode project = body.putArray("projects").addObject();
    project.put("name", "Bus tracker").put("url", "https://example.org/bus").put("description", "Next bus times");
    project.putArray("technologies").add("Java");
    body.putArray("certificates").addObject().put("name", "Java bootcamp").put("issuer", "Code school").put("year", 2023);
    body.put("consent", true);
    return body;
  }

  /** The provider's {@code assessment.completed} event for an application. */
  static ObjectNode assessmentCompleted(String reference, String providerAssessmentId) {
    ObjectNode event = JSON.objectNode();
    event.put("type", "assessment.completed");
    ObjectNode data = event.putObject("data");
    data.put("applicationReference", reference);
    data.put("providerAssessmentId", providerAssessmentId);
    data.put("language", "Java");
    data.put("fundamentalsScore", 85);
    data.put("languageScore", 82);
    data.putObject("topicScores").put("control-flow", 90);
    data.put("completedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    return event;
  }

  static ObjectNode employerPartner(String community) {
    return JSON.objectNode()
        .put("slug", employerSlug(community))
        .put("name", "Load Test Employer " + community)
        .put("contactEmail", employerSlug(community) + "@example.org");
  }

  static ObjectNode opening(String community) {
    ObjectNode opening = JSON.objectNode();
    opening.put("employer", employerSlug(community));
    opening.put("title", "Load test Java developer");
    opening.put("community", community);
    opening.put("remoteAllowed", false);
    opening.put("positions", POSITIONS_PER_OPENING);
    opening.putArray("languages").add("Java");
    opening.putArray("requiredSkills").addObject().put("skill", "Java").put("minLevel", 1).put("weight", 1);
    return opening;
  }

  /** The form fields a person would submit for each user task of the happy path. */
  static ObjectNode completion(String taskKey) {
    ObjectNode variables = JSON.objectNode();
    switch (taskKey) {
      case "Task_VetCandidate" -> value(variables, "vettingDecision", "approve");
      case "Task_ScheduleInterview" -> {
        // local date-time in the community's zone, as Tasklist's date-time field sends it; a week
        // ahead is in the future in every community's zone
        value(
            variables,
            "interviewAt",
            LocalDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES).toString());
        value(variables, "interviewFormat", "video");
        value(variables, "interviewLocation", "https://meet.example.org/load");
      }
      case "Task_ConductInterview" -> {
        value(variables, "interviewAttendance", "attended");
        for (String score :
            List.of("communicationScore", "teamworkScore", "problemSolvingScore", "learningAgilityScore", "professionalismScore")) {
          variables.putObject(score).put("value", 4);
        }
        value(variables, "interviewRecommendation", "yes");
      }
      case "Task_EmployerReview" -> value(variables, "employerDecision", "invite");
      case "Task_EmployerDecision" -> value(variables, "hiringDecision", "hire");
      case "Task_ConfirmPlacement" ->
          value(variables, "placementStartDate", LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
      default -> throw new IllegalArgumentException("The load driver does not work task " + taskKey);
    }
    ObjectNode body = JSON.objectNode();
    body.set("variables", variables);
    return body;
  }

  private static void value(ObjectNode variables, String name, String value) {
    variables.putObject(name).put("value", value);
  }
}
