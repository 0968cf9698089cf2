package org.racetoplace.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.racetoplace.application.ApplicationRequest.CertificateRequest;
import org.racetoplace.application.ApplicationRequest.ProjectRequest;
import org.racetoplace.application.ApplicationRequest.SelfIdentificationRequest;
import org.racetoplace.application.ApplicationRequest.SkillRequest;
import org.racetoplace.application.ApplicationRequest.WorkHistoryRequest;
import org.racetoplace.platform.web.FieldProblem;

/**
 * What staff typed into {@code forms/paper-application.form}, turned into the {@link
 * ApplicationRequest} the intake API takes, so a paper application passes the very rules an online
 * one does ({@link ApplicationRules}) instead of a second set.
 *
 * <p>Tasklist submits a form as flat variables: text fields and selects as strings, checkboxes as
 * booleans, and anything list-valued as a {@code Json} variable, which this engine cannot read (no
 * Spin plugin). So the lists of the API are typed one entry per line into textareas, and each
 * preferred language is a checkbox of its own ({@link #languageKey}).
 *
 * <p>Problems are told in the words of the form, not as JSON paths: a line that cannot be read is
 * reported here ("Skills line 3: level must be a whole number from 1 to 5"), and {@link #explain}
 * rewords the rules' field problems the same way ({@code skills[0].level} → "Skills line 3: level
 * …", counting lines as staff see them in the textarea).
 */
final class PaperApplicationForm {

  static final String FIRST_NAME = "firstName";
  static final String LAST_NAME = "lastName";
  static final String EMAIL = "email";
  static final String PHONE = "phone";
  static final String COMMUNITY = "community";
  static final String ROLE_TRACK = "roleTrack";
  static final String SKILLS = "skills";
  static final String WORK_HISTORY = "workHistory";
  static final String PROJECTS = "projects";
  static final String CERTIFICATES = "certificates";
  static final String SEX = "sex";
  static final String RACE_ETHNICITY = "raceEthnicity";
  static final String CONSENT = "consent";

  private static final Map<ProgrammingLanguage, String> LANGUAGE_KEYS =
      new EnumMap<>(ProgrammingLanguage.class);

  static {
    LANGUAGE_KEYS.put(ProgrammingLanguage.JAVA, "languageJava");
    LANGUAGE_KEYS.put(ProgrammingLanguage.JAVASCRIPT, "languageJavaScript");
    LANGUAGE_KEYS.put(ProgrammingLanguage.TYPESCRIPT, "languageTypeScript");
    LANGUAGE_KEYS.put(ProgrammingLanguage.PYTHON, "languagePython");
    LANGUAGE_KEYS.put(ProgrammingLanguage.CSHARP, "languageCSharp");
    LANGUAGE_KEYS.put(ProgrammingLanguage.GO, "languageGo");
    LANGUAGE_KEYS.put(ProgrammingLanguage.RUBY, "languageRuby");
    LANGUAGE_KEYS.put(ProgrammingLanguage.PHP, "languagePhp");
    LANGUAGE_KEYS.put(ProgrammingLanguage.KOTLIN, "languageKotlin");
    LANGUAGE_KEYS.put(ProgrammingLanguage.SWIFT, "languageSwift");
    LANGUAGE_KEYS.put(ProgrammingLanguage.CPP, "languageCpp");
    LANGUAGE_KEYS.put(ProgrammingLanguage.C, "languageC");
  }

  /**
   * The form's sections in the order they appear, with the labels staff see. Problems are listed
   * in this order, so the message reads top to bottom like the form.
   */
  private static final List<String> SECTIONS =
      List.of(
          FIRST_NAME, LAST_NAME, EMAIL, PHONE, COMMUNITY, ROLE_TRACK, "languages", SKILLS,
          WORK_HISTORY, PROJECTS, CERTIFICATES, "selfIdentification", CONSENT);

  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry(FIRST_NAME, "First name"),
          Map.entry(LAST_NAME, "Last name"),
          Map.entry(EMAIL, "Email"),
          Map.entry(PHONE, "Phone"),
          Map.entry(COMMUNITY, "Community"),
          Map.entry(ROLE_TRACK, "Role track"),
          Map.entry("languages", "Languages"),
          Map.entry(SKILLS, "Skills"),
          Map.entry(WORK_HISTORY, "Work history"),
          Map.entry(PROJECTS, "Projects"),
          Map.entry(CERTIFICATES, "Certificates"),
          Map.entry("selfIdentification.sex", "Sex"),
          Map.entry("selfIdentification.raceEthnicity", "Race/ethnicity"),
          Map.entry("selfIdentification", "Self-identification"),
          Map.entry(CONSENT, "Consent"));

  /** Fields inside one line of a textarea, as the form's descriptions name them. */
  private static final Map<String, String> LINE_FIELD_LABELS =
      Map.of(
          "startYear", "start year",
          "endYear", "end year",
          "url", "URL");

  /** {@code skills[2].level}, {@code projects[0].technologies[3]}, {@code email}. */
  private static final Pattern FIELD_PATH =
      Pattern.compile("(\\w+)(?:\\[(\\d+)])?(?:\\.(\\w+)(?:\\[(\\d+)])?)?");

  private static final Pattern LINE_BREAK = Pattern.compile("\\R");

  private final ApplicationRequest request;
  private final List<Problem> problems = new ArrayList<>();
  /** For each textarea: the line number (1-based) of each entry that was read into the request. */
  private final Map<String, List<Integer>> lineNumbers = new HashMap<>();

  private record Problem(int section, int line, String text) {}

  private PaperApplicationForm(Function<String, Object> variables) {
    this.request =
        new ApplicationRequest(
            text(variables.apply(FIRST_NAME)),
            text(variables.apply(LAST_NAME)),
            text(variables.apply(EMAIL)),
            text(variables.apply(PHONE)),
            text(variables.apply(COMMUNITY)),
            text(variables.apply(ROLE_TRACK)),
            languages(variables),
            skills(text(variables.apply(SKILLS))),
            workHistory(text(variables.apply(WORK_HISTORY))),
            projects(text(variables.apply(PROJECTS))),
            certificates(text(variables.apply(CERTIFICATES))),
            selfIdentification(text(variables.apply(SEX)), text(variables.apply(RACE_ETHNICITY))),
            // an unticked checkbox may arrive as false or not at all: both mean no consent
            ticked(variables.apply(CONSENT)));
  }

  /**
   * Reads the submitted form.
   *
   * @param variables the value of a form field by its key; null when the field was left out
   */
  static PaperApplicationForm read(Function<String, Object> variables) {
    return new PaperApplicationForm(variables);
  }

  /** The application as the API would have received it; lines that could not be read left out. */
  ApplicationRequest request() {
    return request;
  }

  /** The key of a language's checkbox, e.g. {@code languageCSharp}. */
  static String languageKey(ProgrammingLanguage language) {
    return LANGUAGE_KEYS.get(language);
  }

  /** Every key the form submits: the variables to remove once the application is registered. */
  static Set<String> variableNames() {
    Set<String> names = new LinkedHashSet<>();
    names.addAll(
        List.of(FIRST_NAME, LAST_NAME, EMAIL, PHONE, COMMUNITY, ROLE_TRACK, SKILLS, WORK_HISTORY,
            PROJECTS, CERTIFICATES, SEX, RACE_ETHNICITY, CONSENT));
    Arrays.stream(ProgrammingLanguage.values()).map(PaperApplicationForm::languageKey).forEach(names::add);
    return names;
  }

  /**
   * Every problem of the form in plain words, in the order of the form: the lines that could not
   * be read, and the problems the rules found in the rest.
   *
   * @param ruleProblems what {@link ApplicationRules} reported for {@link #request()}
   */
  List<String> explain(List<FieldProblem> ruleProblems) {
    List<Problem> all = new ArrayList<>(problems);
    ruleProblems.forEach(problem -> all.add(reword(problem)));
    all.sort(
        Comparator.comparingInt(Problem::section)
            .thenComparingInt(Problem::line)
            .thenComparing(Problem::text));
    return all.stream().map(Problem::text).distinct().toList();
  }

  private Problem reword(FieldProblem problem) {
    Matcher path = FIELD_PATH.matcher(problem.field());
    if (!path.matches()) {
      return new Problem(SECTIONS.size(), 0, problem.field() + ": " + problem.message());
    }
    String top = path.group(1);
    int section = section(top);
    if (path.group(2) != null && lineNumbers.containsKey(top)) {
      int line = lineNumbers.get(top).get(Integer.parseInt(path.group(2)));
      String field = path.group(3) == null ? "" : lineFieldLabel(path.group(3), path.group(4)) + " ";
      return new Problem(section, line, LABELS.get(top) + " line " + line + ": " + field + problem.message());
    }
    String key = path.group(3) == null ? top : top + "." + path.group(3);
    String label = LABELS.getOrDefault(key, LABELS.getOrDefault(top, problem.field()));
    return new Problem(section, 0, label + ": " + problem.message());
  }

  private static String lineFieldLabel(String field, String index) {
    if (field.equals("technologies") && index != null) {
      return "technology " + (Integer.parseInt(index) + 1);
    }
    return LINE_FIELD_LABELS.getOrDefault(field, field);
  }

  private static int section(String field) {
    int section = SECTIONS.indexOf(field);
    return section < 0 ? SECTIONS.size() : section;
  }

  private void problem(String textarea, int line, String text) {
    problems.add(new Problem(section(textarea), line, LABELS.get(textarea) + " line " + line + ": " + text));
  }

  // --- reading the fields -------------------------------------------------------------------

  private static List<String> languages(Function<String, Object> variables) {
    return Arrays.stream(ProgrammingLanguage.values())
        .filter(language -> ticked(variables.apply(languageKey(language))))
        .map(ProgrammingLanguage::displayName)
        .toList();
  }

  private List<SkillRequest> skills(String text) {
    List<SkillRequest> skills = new ArrayList<>();
    for (Line line : lines(SKILLS, text)) {
      int comma = line.text().lastIndexOf(',');
      if (comma < 0) {
        problem(SKILLS, line.number(), "write the skill and its level separated by a comma, e.g. \"Java, 3\"");
        continue;
      }
      Integer level = whole(line.text().substring(comma + 1));
      if (level == null) {
        problem(SKILLS, line.number(), "level must be a whole number from 1 to 5");
        continue;
      }
      skills.add(new SkillRequest(line.text().substring(0, comma).trim(), level));
      read(SKILLS, line);
    }
    return skills;
  }

  private List<WorkHistoryRequest> workHistory(String text) {
    List<WorkHistoryRequest> jobs = new ArrayList<>();
    for (Line line : lines(WORK_HISTORY, text)) {
      List<String> parts = parts(line.text(), -1);
      if (parts.size() < 3 || parts.size() > 4) {
        problem(WORK_HISTORY, line.number(),
            "write title | employer | start year | end year (leave the end year out for a current job)");
        continue;
      }
      Integer startYear = whole(parts.get(2));
      String endText = parts.size() == 4 ? parts.get(3) : "";
      Integer endYear = endText.isEmpty() ? null : whole(endText);
      boolean readable = true;
      if (startYear == null) {
        problem(WORK_HISTORY, line.number(), "start year must be a year such as 2016");
        readable = false;
      }
      if (!endText.isEmpty() && endYear == null) {
        problem(WORK_HISTORY, line.number(), "end year must be a year such as 2016, or left out for a current job");
        readable = false;
      }
      if (readable) {
        jobs.add(new WorkHistoryRequest(parts.get(0), parts.get(1), startYear, endYear));
        read(WORK_HISTORY, line);
      }
    }
    return jobs;
  }

  private List<ProjectRequest> projects(String text) {
    List<ProjectRequest> projects = new ArrayList<>();
    for (Line line : lines(PROJECTS, text)) {
      // the description is the rest of the line, so it may contain "|" itself
      List<String> parts = parts(line.text(), 4);
      List<String> technologies =
          parts.size() > 2
              ? Arrays.stream(parts.get(2).split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList()
              : List.of();
      projects.add(
          new ProjectRequest(
              parts.get(0),
              parts.size() > 1 ? emptyToNull(parts.get(1)) : null,
              parts.size() > 3 ? emptyToNull(parts.get(3)) : null,
              technologies));
      read(PROJECTS, line);
    }
    return projects;
  }

  private List<CertificateRequest> certificates(String text) {
    List<CertificateRequest> certificates = new ArrayList<>();
    for (Line line : lines(CERTIFICATES, text)) {
      List<String> parts = parts(line.text(), -1);
      if (parts.size() < 3 || parts.size() > 4) {
        problem(CERTIFICATES, line.number(), "write name | issuer | year | URL (the URL may be left out)");
        continue;
      }
      Integer year = whole(parts.get(2));
      if (year == null) {
        problem(CERTIFICATES, line.number(), "year must be a year such as 2016");
        continue;
      }
      certificates.add(
          new CertificateRequest(
              parts.get(0), parts.get(1), year, parts.size() == 4 ? emptyToNull(parts.get(3)) : null));
      read(CERTIFICATES, line);
    }
    return certificates;
  }

  private static SelfIdentificationRequest selfIdentification(String sex, String raceEthnicity) {
    return sex == null && raceEthnicity == null
        ? null
        : new SelfIdentificationRequest(sex, raceEthnicity);
  }

  private record Line(int number, String text) {}

  /** The non-blank lines of a textarea, trimmed, with their numbers as staff see them. */
  private List<Line> lines(String textarea, String text) {
    lineNumbers.put(textarea, new ArrayList<>());
    if (text == null) {
      return List.of();
    }
    String[] lines = LINE_BREAK.split(text, -1);
    List<Line> result = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        result.add(new Line(i + 1, lines[i].trim()));
      }
    }
    return result;
  }

  /** Remembers which line became the next entry of the request's list. */
  private void read(String textarea, Line line) {
    lineNumbers.get(textarea).add(line.number());
  }

  private static List<String> parts(String line, int limit) {
    return Arrays.stream(line.split("\\|", limit)).map(String::trim).toList();
  }

  private static Integer whole(String text) {
    String trimmed = text.trim();
    if (!trimmed.matches("[0-9]{1,9}")) {
      return null;
    }
    return Integer.valueOf(trimmed);
  }

  /** A form field's value as text; a field left empty is null, as if the API body left it out. */
  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString();
    return text.isBlank() ? null : text;
  }

  private static boolean ticked(Object value) {
    return Boolean.TRUE.equals(value) || (value instanceof String text && text.trim().equalsIgnoreCase("true"));
  }

  private static String emptyToNull(String text) {
    return text.isEmpty() ? null : text;
  }
}
