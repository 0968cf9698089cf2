package org.racetoplace.candidate;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the application page uses for a field, so the error summary reads "Skill 2 level
 * must be between 1 and 5" rather than {@code skills[1].level}.
 */
final class FieldLabels {

  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("firstName", "First name"),
          Map.entry("lastName", "Last name"),
          Map.entry("email", "Email"),
          Map.entry("phone", "Phone"),
          Map.entry("community", "Community"),
          Map.entry("roleTrack", "Role"),
          Map.entry("languages", "Programming languages"),
          Map.entry("consent", "Consent"),
          Map.entry("sex", "Sex"),
          Map.entry("raceEthnicity", "Race or ethnicity"));

  private static final Map<String, String> SECTIONS =
      Map.of("skills", "Skill", "workHistory", "Job", "projects", "Project", "certificates", "Certificate");

  private static final Map<String, String> ROW_FIELDS =
      Map.ofEntries(
          Map.entry("name", "name"),
          Map.entry("level", "level"),
          Map.entry("title", "job title"),
          Map.entry("employer", "employer"),
          Map.entry("startYear", "start year"),
          Map.entry("endYear", "end year"),
          Map.entry("url", "link"),
          Map.entry("description", "description"),
          Map.entry("technologies", "technologies"),
          Map.entry("issuer", "issuer"),
          Map.entry("year", "year"));

  private static final Pattern ROW = Pattern.compile("(\\w+)\\[(\\d+)]\\.(\\w+)");

  private FieldLabels() {}

  static String of(String field) {
    if (field == null) {
      return "";
    }
    String label = FIELDS.get(field);
    if (label != null) {
      return label;
    }
    Matcher row = ROW.matcher(field);
    if (row.matches() && SECTIONS.containsKey(row.group(1))) {
      return SECTIONS.get(row.group(1))
          + " "
          + (Integer.parseInt(row.group(2)) + 1)
          + " "
          + ROW_FIELDS.getOrDefault(row.group(3), row.group(3));
    }
    return field;
  }

  /** The HTML id of a field's input: {@code skills[1].level} → {@code skills-1-level}. */
  static String idOf(String field) {
    return field.replace("[", "-").replace("]", "").replace('.', '-');
  }
}
