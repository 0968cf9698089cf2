package org.racetoplace.candidate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.racetoplace.application.ApplicationRequest;
import org.racetoplace.application.ApplicationRequest.CertificateRequest;
import org.racetoplace.application.ApplicationRequest.ProjectRequest;
import org.racetoplace.application.ApplicationRequest.SelfIdentificationRequest;
import org.racetoplace.application.ApplicationRequest.SkillRequest;
import org.racetoplace.application.ApplicationRequest.WorkHistoryRequest;
import org.racetoplace.platform.web.FieldProblem;

/**
 * What the application page posts: every field as the candidate typed it, so a form that comes
 * back with errors shows exactly what was entered. {@link #toRequest} turns it into the same
 * {@link ApplicationRequest} the JSON API takes, and the same rules check it; field names and
 * row indices are those of the JSON request, so a rule's problem ({@code skills[1].level}) lands
 * next to the field it is about.
 */
public class ApplicationForm {

  /** Rows shown for each repeating section when the page opens (more with "Add …"). */
  static final int STARTING_ROWS = 1;

  static final Map<String, Integer> ROW_LIMITS =
      Map.of("skills", 50, "workHistory", 20, "projects", 20, "certificates", 20);

  private String firstName;
  private String lastName;
  private String email;
  private String phone;
  private String community;
  private String roleTrack;
  private List<String> languages = new ArrayList<>();
  private List<SkillRow> skills = new ArrayList<>();
  private List<JobRow> workHistory = new ArrayList<>();
  private List<ProjectRow> projects = new ArrayList<>();
  private List<CertificateRow> certificates = new ArrayList<>();
  private String sex;
  private String raceEthnicity;
  private boolean consent;

  /** An empty form with one blank row per section. */
  static ApplicationForm blank(String community) {
    ApplicationForm form = new ApplicationForm();
    form.community = community;
    form.ensureRows();
    return form;
  }

  /** Drops rows the candidate left entirely blank, so they are neither checked nor stored. */
  void dropBlankRows() {
    skills.removeIf(SkillRow::isBlank);
    workHistory.removeIf(JobRow::isBlank);
    projects.removeIf(ProjectRow::isBlank);
    certificates.removeIf(CertificateRow::isBlank);
    languages.removeIf(language -> language == null || language.isBlank());
  }

  /** At least one row per section, so every section has fields to type into. */
  void ensureRows() {
    while (skills.size() < STARTING_ROWS) {
      skills.add(new SkillRow());
    }
    while (workHistory.size() < STARTING_ROWS) {
      workHistory.add(new JobRow());
    }
    while (projects.size() < STARTING_ROWS) {
      projects.add(new ProjectRow());
    }
    while (certificates.size() < STARTING_ROWS) {
      certificates.add(new CertificateRow());
    }
  }

  /**
   * Adds a blank row to a section, within the API's limit for it.
   *
   * @return false for an unknown section or a full one
   */
  boolean addRow(String section) {
    Integer limit = ROW_LIMITS.get(section);
    if (limit == null || rows(section).size() >= limit) {
      return false;
    }
    switch (section) {
      case "skills" -> skills.add(new SkillRow());
      case "workHistory" -> workHistory.add(new JobRow());
      case "projects" -> projects.add(new ProjectRow());
      default -> certificates.add(new CertificateRow());
    }
    return true;
  }

  /** Removes one row of a section; an index out of range changes nothing. */
  boolean removeRow(String section, int index) {
    List<?> rows = ROW_LIMITS.containsKey(section) ? rows(section) : List.of();
    if (index < 0 || index >= rows.size()) {
      return false;
    }
    rows.remove(index);
    return true;
  }

  /** The form field a person fills in first in a section's last row, e.g. {@code skills[1].name}. */
  String firstFieldOfLastRow(String section) {
    String first = switch (section) {
      case "workHistory" -> "title";
      default -> "name";
    };
    return section + "[" + (rows(section).size() - 1) + "]." + first;
  }

  private List<?> rows(String section) {
    return switch (section) {
      case "skills" -> skills;
      case "workHistory" -> workHistory;
      case "projects" -> projects;
      default -> certificates;
    };
  }

  /**
   * The request the API would have received. Numbers that are not whole numbers become null and a
   * problem in {@code conversionProblems}, reported with the rules' problems.
   */
  ApplicationRequest toRequest(List<FieldProblem> conversionProblems) {
    List<SkillRequest> skillRequests = new ArrayList<>();
    for (int i = 0; i < skills.size(); i++) {
      SkillRow row = skills.get(i);
      skillRequests.add(
          new SkillRequest(trim(row.name), number(row.level, "skills[" + i + "].level", conversionProblems)));
    }
    List<WorkHistoryRequest> jobs = new ArrayList<>();
    for (int i = 0; i < workHistory.size(); i++) {
      JobRow row = workHistory.get(i);
      String at = "workHistory[" + i + "].";
      jobs.add(
          new WorkHistoryRequest(
              trim(row.title),
              trim(row.employer),
              number(row.startYear, at + "startYear", conversionProblems),
              number(row.endYear, at + "endYear", conversionProblems)));
    }
    List<ProjectRequest> projectRequests = new ArrayList<>();
    for (ProjectRow row : projects) {
      projectRequests.add(
          new ProjectRequest(trim(row.name), trim(row.url), trim(row.description), list(row.technologies)));
    }
    List<CertificateRequest> certificateRequests = new ArrayList<>();
    for (int i = 0; i < certificates.size(); i++) {
      CertificateRow row = certificates.get(i);
      certificateRequests.add(
          new CertificateRequest(
              trim(row.name),
              trim(row.issuer),
              number(row.year, "certificates[" + i + "].year", conversionProblems),
              trim(row.url)));
    }
    SelfIdentificationRequest selfIdentification =
        trim(sex) == null && trim(raceEthnicity) == null
            ? null
            : new SelfIdentificationRequest(trim(sex), trim(raceEthnicity));
    return new ApplicationRequest(
        trim(firstName),
        trim(lastName),
        trim(email),
        trim(phone),
        trim(community),
        trim(roleTrack),
        List.copyOf(languages),
        skillRequests,
        jobs,
        projectRequests,
        certificateRequests,
        selfIdentification,
        consent);
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Integer number(String value, String field, List<FieldProblem> problems) {
    String text = trim(value);
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(field, "must be a whole number"));
      return null;
    }
  }

  /** "Java, Spring Boot" → [Java, Spring Boot]. */
  private static List<String> list(String commaSeparated) {
    if (trim(commaSeparated) == null) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(Predicate.not(String::isEmpty))
        .toList();
  }

  private static boolean allBlank(String... values) {
    return Arrays.stream(values).allMatch(value -> value == null || value.isBlank());
  }

  /** Mentions no personal data, in case a form ever ends up in a log. */
  @Override
  public String toString() {
    return "ApplicationForm[community=" + community + "]";
  }

  public static class SkillRow {
    private String name;
    private String level;

    boolean isBlank() {
      // a level alone is the select's default, not something the candidate entered
      return allBlank(name);
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getLevel() {
      return level;
    }

    public void setLevel(String level) {
      this.level = level;
    }
  }

  public static class JobRow {
    private String title;
    private String employer;
    private String startYear;
    private String endYear;

    boolean isBlank() {
      return allBlank(title, employer, startYear, endYear);
    }

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }

    public String getEmployer() {
      return employer;
    }

    public void setEmployer(String employer) {
      this.employer = employer;
    }

    public String getStartYear() {
      return startYear;
    }

    public void setStartYear(String startYear) {
      this.startYear = startYear;
    }

    public String getEndYear() {
      return endYear;
    }

    public void setEndYear(String endYear) {
      this.endYear = endYear;
    }
  }

  public static class ProjectRow {
    private String name;
    private String url;
    private String description;
    private String technologies;

    boolean isBlank() {
      return allBlank(name, url, description, technologies);
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public String getTechnologies() {
      return technologies;
    }

    public void setTechnologies(String technologies) {
      this.technologies = technologies;
    }
  }

  public static class CertificateRow {
    private String name;
    private String issuer;
    private String year;
    private String url;

    boolean isBlank() {
      return allBlank(name, issuer, year, url);
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getIssuer() {
      return issuer;
    }

    public void setIssuer(String issuer) {
      this.issuer = issuer;
    }

    public String getYear() {
      return year;
    }

    public void setYear(String year) {
      this.year = year;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getCommunity() {
    return community;
  }

  public void setCommunity(String community) {
    this.community = community;
  }

  public String getRoleTrack() {
    return roleTrack;
  }

  public void setRoleTrack(String roleTrack) {
    this.roleTrack = roleTrack;
  }

  public List<String> getLanguages() {
    return languages;
  }

  public void setLanguages(List<String> languages) {
    this.languages = languages == null ? new ArrayList<>() : new ArrayList<>(languages);
  }

  public List<SkillRow> getSkills() {
    return skills;
  }

  public void setSkills(List<SkillRow> skills) {
    this.skills = skills;
  }

  public List<JobRow> getWorkHistory() {
    return workHistory;
  }

  public void setWorkHistory(List<JobRow> workHistory) {
    this.workHistory = workHistory;
  }

  public List<ProjectRow> getProjects() {
    return projects;
  }

  public void setProjects(List<ProjectRow> projects) {
    this.projects = projects;
  }

  public List<CertificateRow> getCertificates() {
    return certificates;
  }

  public void setCertificates(List<CertificateRow> certificates) {
    this.certificates = certificates;
  }

  public String getSex() {
    return sex;
  }

  public void setSex(String sex) {
    this.sex = sex;
  }

  public String getRaceEthnicity() {
    return raceEthnicity;
  }

  public void setRaceEthnicity(String raceEthnicity) {
    this.raceEthnicity = raceEthnicity;
  }

  public boolean isConsent() {
    return consent;
  }

  public void setConsent(boolean consent) {
    this.consent = consent;
  }
}
