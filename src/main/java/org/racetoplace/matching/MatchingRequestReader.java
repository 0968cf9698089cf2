package org.racetoplace.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.racetoplace.platform.web.JsonObjectBodies;
import org.springframework.stereotype.Component;

/**
 * Reads the JSON bodies of the employer and opening API. Works on the JSON tree, so a wrong type
 * ({@code "positions":"two"}) is a field error like any other, and every problem is listed at
 * once; unknown fields are refused. What the values mean (does the employer exist, is the level
 * 1–5) is checked by {@link JobOpenings} and {@link EmployerPartners}.
 */
@Component
class MatchingRequestReader {

  static final String OPENING_TITLE = JobOpenings.TITLE;
  static final String EMPLOYER_TITLE = EmployerPartners.TITLE;
  static final String STATUS_TITLE = "Invalid status change";

  private static final Set<String> OPENING_FIELDS =
      Set.of("employer", "title", "community", "remoteAllowed", "positions", "languages", "requiredSkills", "preferredSkills");
  private static final Set<String> SKILL_FIELDS = Set.of("skill", "minLevel", "weight");
  private static final Set<String> EMPLOYER_FIELDS = Set.of("slug", "name", "contactEmail");

  private final JsonObjectBodies bodies;

  MatchingRequestReader(ObjectMapper objectMapper) {
    this.bodies = new JsonObjectBodies(objectMapper);
  }

  /** An opening request, with its required skills first and then its preferred ones. */
  record OpeningRequest(NewOpening opening, int requiredCount) {

    /** API field names of {@code opening.skills()[index]}: requiredSkills[i].skill etc. */
    String skillField(int index, String attribute) {
      String list = index < requiredCount ? "requiredSkills[" + index + "]" : "preferredSkills[" + (index - requiredCount) + "]";
      return list + "." + ("name".equals(attribute) ? "skill" : attribute);
    }
  }

  record EmployerRequest(String slug, String name, String contactEmail) {}

  OpeningRequest readOpening(byte[] body) {
    JsonNode tree = bodies.readObject(body);
    List<FieldProblem> problems = new ArrayList<>();
    unknownFields(tree, OPENING_FIELDS, "", problems);
    String employer = text(tree, "employer", problems);
    String title = text(tree, "title", problems);
    String community = text(tree, "community", problems);
    boolean remote = bool(tree, "remoteAllowed", problems);
    int positions = integer(tree.get("positions"), "positions", true, problems);
    List<String> languages = new ArrayList<>();
    JsonNode languageList = tree.get("languages");
    if (languageList != null && !languageList.isNull()) {
      if (!languageList.isArray()) {
        problems.add(new FieldProblem("languages", "must be a list of language names"));
      } else {
        for (int i = 0; i < languageList.size(); i++) {
          if (!languageList.get(i).isTextual()) {
            problems.add(new FieldProblem("languages[" + i + "]", "must be a text"));
          } else {
            languages.add(languageList.get(i).asText());
          }
        }
      }
    }
    List<OpeningSkill> skills = new ArrayList<>();
    skills(tree.get("requiredSkills"), "requiredSkills", true, skills, problems);
    int required = skills.size();
    skills(tree.get("preferredSkills"), "preferredSkills", false, skills, problems);
    failOn(OPENING_TITLE, problems);
    return new OpeningRequest(new NewOpening(employer, title, community, remote, positions, languages, skills), required);
  }

  EmployerRequest readEmployer(byte[] body) {
    JsonNode tree = bodies.readObject(body);
    List<FieldProblem> problems = new ArrayList<>();
    unknownFields(tree, EMPLOYER_FIELDS, "", problems);
    EmployerRequest request =
        new EmployerRequest(text(tree, "slug", problems), text(tree, "name", problems), text(tree, "contactEmail", problems));
    failOn(EMPLOYER_TITLE, problems);
    return request;
  }

  /** {@code {"status":"paused"}}: one of open, paused, filled, closed. */
  OpeningStatus readOpeningStatus(byte[] body) {
    JsonNode tree = bodies.readObject(body);
    List<FieldProblem> problems = new ArrayList<>();
    unknownFields(tree, Set.of("status"), "", problems);
    JsonNode status = tree.get("status");
    OpeningStatus parsed = null;
    if (status == null || !status.isTextual()) {
      problems.add(new FieldProblem("status", "must be one of open, paused, filled, closed"));
    } else {
      try {
        parsed = OpeningStatus.valueOf(status.asText().trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("status", "must be one of open, paused, filled, closed"));
      }
    }
    failOn(STATUS_TITLE, problems);
    return parsed;
  }

  /** {@code {"active":false}}. */
  boolean readEmployerStatus(byte[] body) {
    JsonNode tree = bodies.readObject(body);
    List<FieldProblem> problems = new ArrayList<>();
    unknownFields(tree, Set.of("active"), "", problems);
    JsonNode active = tree.get("active");
    if (active == null || !active.isBoolean()) {
      problems.add(new FieldProblem("active", "must be true or false"));
    }
    failOn(STATUS_TITLE, problems);
    return active.booleanValue();
  }

  private static void failOn(String title, List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
      throw new InvalidRequestException(title, problems);
    }
  }

  private static void unknownFields(JsonNode tree, Set<String> known, String prefix, List<FieldProblem> problems) {
    tree.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                problems.add(new FieldProblem(prefix + name, "is not a known field"));
              }
            });
  }

  private static String text(JsonNode tree, String field, List<FieldProblem> problems) {
    return text(tree, field, field, problems);
  }

  /** A text field; null when missing (the service says whether it may be). */
  private static String text(JsonNode tree, String field, String reportedAs, List<FieldProblem> problems) {
    JsonNode node = tree.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      problems.add(new FieldProblem(reportedAs, "must be a text"));
      return null;
    }
    return node.asText();
  }

  private static boolean bool(JsonNode tree, String field, List<FieldProblem> problems) {
    JsonNode node = tree.get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      problems.add(new FieldProblem(field, "must be true or false"));
      return false;
    }
    return node.booleanValue();
  }

  private static int integer(JsonNode node, String field, boolean required, List<FieldProblem> problems) {
    if (node == null || node.isNull()) {
      if (required) {
        problems.add(new FieldProblem(field, "is required"));
      }
      return 0;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      problems.add(new FieldProblem(field, "must be a whole number"));
      return 0;
    }
    return node.intValue();
  }

  private static void skills(
      JsonNode list, String field, boolean required, List<OpeningSkill> skills, List<FieldProblem> problems) {
    if (list == null || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      problems.add(new FieldProblem(field, "must be a list of {skill, minLevel, weight}"));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String at = field + "[" + i + "]";
      if (!item.isObject()) {
        problems.add(new FieldProblem(at, "must be an object {skill, minLevel, weight}"));
        continue;
      }
      unknownFields(item, SKILL_FIELDS, at + ".", problems);
      String name = text(item, "skill", at + ".skill", problems);
      int minLevel = integer(item.get("minLevel"), at + ".minLevel", true, problems);
      int weight = integer(item.get("weight"), at + ".weight", true, problems);
      skills.add(new OpeningSkill(name, minLevel, weight, required));
    }
  }
}
