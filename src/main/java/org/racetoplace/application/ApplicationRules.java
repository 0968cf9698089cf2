package org.racetoplace.application;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.racetoplace.application.ApplicationRequest.CertificateRequest;
import org.racetoplace.application.ApplicationRequest.ProjectRequest;
import org.racetoplace.application.ApplicationRequest.WorkHistoryRequest;
import org.racetoplace.community.Community;
import org.racetoplace.community.CommunityRepository;
import org.racetoplace.platform.web.FieldProblem;
import org.racetoplace.platform.web.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every rule an application must pass before anything is stored, checked all at once so the
 * candidate sees every problem in one answer: the Bean Validation constraints of {@link
 * ApplicationRequest}, and the rules that need a catalog, the database or the calendar — an
 * active community, a known role track and languages, http(s) URLs, years between {@value
 * #EARLIEST_YEAR} and next year with a job ending no earlier than it started.
 */
@Component
public class ApplicationRules {

  static final String TITLE = "Invalid application";
  static final int EARLIEST_YEAR = 1950;

  private final Validator validator;
  private final CommunityRepository communities;
  private final Clock clock;

  @Autowired
  public ApplicationRules(Validator validator, CommunityRepository communities) {
    this(validator, communities, Clock.systemUTC());
  }

  ApplicationRules(Validator validator, CommunityRepository communities, Clock clock) {
    this.validator = validator;
    this.communities = communities;
    this.clock = clock;
  }

  /**
   * Checks the request; {@code earlierProblems} (e.g. unknown fields met while reading) are
   * reported along with the rest.
   *
   * @return the active community the application is for
   * @throws InvalidRequestException listing every problem, sorted by field
   */
  public Community check(ApplicationRequest request, List<FieldProblem> earlierProblems) {
    List<FieldProblem> problems = new ArrayList<>(earlierProblems);
    for (ConstraintViolation<ApplicationRequest> violation : validator.validate(request)) {
      problems.add(new FieldProblem(path(violation.getPropertyPath()), violation.getMessage()));
    }
    Optional<Community> community = activeCommunity(request.community());
    if (request.community() != null && !request.community().isBlank() && community.isEmpty()) {
      problems.add(new FieldProblem("community", "is not a community we serve; see GET /api/communities"));
    }
    if (request.roleTrack() != null
        && !request.roleTrack().isBlank()
        && RoleTrack.fromCode(request.roleTrack()).isEmpty()) {
      problems.add(new FieldProblem("roleTrack", "must be one of " + RoleTrack.codes()));
    }
    checkLanguages(request.languagesOrEmpty(), problems);
    checkWorkHistory(request.workHistoryOrEmpty(), problems);
    checkProjects(request.projectsOrEmpty(), problems);
    checkCertificates(request.certificatesOrEmpty(), problems);
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
    return community.orElseThrow();
  }

  static InvalidRequestException invalid(List<FieldProblem> problems) {
    List<FieldProblem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
    return new InvalidRequestException(TITLE, sorted);
  }

  private Optional<Community> activeCommunity(String id) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    return communities.findById(id.trim().toLowerCase(Locale.ROOT)).filter(Community::isActive);
  }

  private static void checkLanguages(List<String> languages, List<FieldProblem> problems) {
    for (int i = 0; i < languages.size(); i++) {
      String language = languages.get(i);
      if (language != null && !language.isBlank() && ProgrammingLanguage.fromName(language).isEmpty()) {
        problems.add(
            new FieldProblem(
                "languages[" + i + "]", "must be one of " + ProgrammingLanguage.displayNames()));
      }
    }
  }

  private void checkWorkHistory(List<WorkHistoryRequest> jobs, List<FieldProblem> problems) {
    for (int i = 0; i < jobs.size(); i++) {
      WorkHistoryRequest job = jobs.get(i);
      if (job == null) {
        continue;
      }
      String at = "workHistory[" + i + "].";
      checkYear(job.startYear(), at + "startYear", problems);
      checkYear(job.endYear(), at + "endYear", problems);
      if (job.startYear() != null && job.endYear() != null && job.endYear() < job.startYear()) {
        problems.add(new FieldProblem(at + "endYear", "must not be before startYear"));
      }
    }
  }

  private static void checkProjects(List<ProjectRequest> projects, List<FieldProblem> problems) {
    for (int i = 0; i < projects.size(); i++) {
      ProjectRequest project = projects.get(i);
      if (project != null) {
        checkUrl(project.url(), "projects[" + i + "].url", problems);
      }
    }
  }

  private void checkCertificates(List<CertificateRequest> certificates, List<FieldProblem> problems) {
    for (int i = 0; i < certificates.size(); i++) {
      CertificateRequest certificate = certificates.get(i);
      if (certificate != null) {
        checkYear(certificate.year(), "certificates[" + i + "].year", problems);
        checkUrl(certificate.url(), "certificates[" + i + "].url", problems);
      }
    }
  }

  private void checkYear(Integer year, String field, List<FieldProblem> problems) {
    int latest = Year.now(clock).getValue() + 1;
    if (year != null && (year < EARLIEST_YEAR || year > latest)) {
      problems.add(new FieldProblem(field, "must be between " + EARLIEST_YEAR + " and " + latest));
    }
  }

  /** Only absolute http and https links: no javascript:, data:, file: or relative links. */
  static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void checkUrl(String url, String field, List<FieldProblem> problems) {
    if (url != null && !url.isBlank() && !isHttpUrl(url)) {
      problems.add(new FieldProblem(field, "must be an http or https URL"));
    }
  }

  /** {@code skills[0].level}, {@code languages[2]}: the path as the client wrote the JSON. */
  static String path(Path propertyPath) {
    StringBuilder path = new StringBuilder();
    for (Path.Node node : propertyPath) {
      if (node.isInIterable()) {
        path.append('[').append(node.getIndex()).append(']');
      }
      if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(node.getName());
      }
    }
    return path.toString();
  }
}
