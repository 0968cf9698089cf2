package org.racetoplace.vetting;

import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationRepository;
import org.racetoplace.application.Candidate;
import org.racetoplace.application.Certificate;
import org.racetoplace.application.Project;
import org.racetoplace.application.Skill;
import org.racetoplace.application.WorkHistoryEntry;
import org.racetoplace.assessment.AssessmentResult;
import org.racetoplace.assessment.AssessmentTopicScore;
import org.racetoplace.vetting.CandidateProfile.AssessmentSummary;
import org.racetoplace.vetting.CandidateProfile.CertificateSummary;
import org.racetoplace.vetting.CandidateProfile.Experience;
import org.racetoplace.vetting.CandidateProfile.ProjectSummary;
import org.racetoplace.vetting.CandidateProfile.SkillLevel;
import org.racetoplace.vetting.CandidateProfile.Update;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the anonymized profile of an application (see {@link CandidateProfile} for what it holds
 * and leaves out) and its plain-text rendering for Tasklist forms.
 */
@Service
public class AnonymizedProfiles {

  /**
   * A string process variable holds at most 4000 characters (ACT_RU_VARIABLE.TEXT_); the text
   * stays below, with room for the note that it was shortened.
   */
  static final int MAX_TEXT = 3900;
  /** Per free-text item in the text rendering; the JSON profile carries them whole. */
  static final int MAX_DESCRIPTION = 400;
  static final int MAX_UPDATE = 1500;

  private final ApplicationRepository applications;
  private final ProfileAssessmentResults assessmentResults;
  private final CandidateUpdateRepository updates;
  private final Clock clock;

  @Autowired
  public AnonymizedProfiles(
      ApplicationRepository applications,
      ProfileAssessmentResults assessmentResults,
      CandidateUpdateRepository updates) {
    this(applications, assessmentResults, updates, Clock.systemUTC());
  }

  AnonymizedProfiles(
      ApplicationRepository applications,
      ProfileAssessmentResults assessmentResults,
      CandidateUpdateRepository updates,
      Clock clock) {
    this.applications = applications;
    this.assessmentResults = assessmentResults;
    this.updates = updates;
    this.clock = clock;
  }

  /** The community of the application, to decide who may read its profile; empty when unknown. */
  @Transactional(readOnly = true)
  public Optional<String> communityOf(String reference) {
    return applications.findByReference(reference).map(application -> application.getCommunity().getId());
  }

  /** The profile of the application with this reference; empty when there is none. */
  @Transactional(readOnly = true)
  public Optional<CandidateProfile> profileOf(String reference) {
    return applications.findByReference(reference).map(this::profileOf);
  }

  /** The plain-text profile for a task form. */
  @Transactional(readOnly = true)
  public Optional<String> textOf(String reference) {
    return profileOf(reference).map(AnonymizedProfiles::text);
  }

  private CandidateProfile profileOf(Application application) {
    AssessmentSummary assessment =
        assessmentResults
            .findFirstByApplicationIdOrderByCreatedAtDescIdDesc(application.getId())
            .map(AnonymizedProfiles::summary)
            .orElse(null);
    List<Update> sent =
        updates.findByApplicationIdOrderByReceivedAtAscIdAsc(application.getId()).stream()
            .map(update -> new Update(update.getReceivedAt(), update.getMessage()))
            .toList();
    return build(application, assessment, sent, Year.now(clock.withZone(ZoneOffset.UTC)).getValue());
  }

  private static AssessmentSummary summary(AssessmentResult result) {
    Map<String, Integer> topics = new LinkedHashMap<>();
    for (AssessmentTopicScore topic : result.getTopicScores()) {
      topics.put(topic.getTopic(), topic.getScore());
    }
    return new AssessmentSummary(
        result.getLanguage().displayName(),
        result.getScaledScore(),
        result.getFundamentalsScore(),
        result.getLanguageScore(),
        result.getRawScore(),
        result.getMaxScore(),
        topics);
  }

  /**
   * The profile from what the candidate told us, with every piece of their own text redacted.
   *
   * @param currentYear ends the years of a job the candidate still holds
   */
  static CandidateProfile build(
      Application application, AssessmentSummary assessment, List<Update> candidateUpdates, int currentYear) {
    ProfileRedaction redaction = redactionFor(application);
    List<SkillLevel> skills = new ArrayList<>();
    for (Skill skill : application.getSkills()) {
      skills.add(new SkillLevel(redaction.apply(skill.name()), skill.level()));
    }
    List<Experience> workHistory = new ArrayList<>();
    for (WorkHistoryEntry job : application.getWorkHistory()) {
      int end = job.endYear() == null ? currentYear : job.endYear();
      workHistory.add(
          new Experience(redaction.apply(job.title()), Math.max(0, end - job.startYear()), job.endYear() == null));
    }
    List<ProjectSummary> projects = new ArrayList<>();
    for (Project project : application.getProjects()) {
      projects.add(
          new ProjectSummary(
              redaction.apply(project.getName()),
              redaction.apply(project.getTechnologies()),
              redaction.apply(project.getDescription())));
    }
    List<CertificateSummary> certificates = new ArrayList<>();
    for (Certificate certificate : application.getCertificates()) {
      certificates.add(new CertificateSummary(redaction.apply(certificate.name()), certificate.year()));
    }
    return new CandidateProfile(
        application.getReference(),
        application.getRoleTrack().code(),
        application.getRoleTrack().title(),
        application.getLanguages(),
        skills,
        workHistory,
        projects,
        certificates,
        assessment,
        candidateUpdates.stream()
            .map(update -> new Update(update.receivedAt(), redaction.apply(update.message())))
            .toList());
  }

  private static ProfileRedaction redactionFor(Application application) {
    Candidate candidate = application.getCandidate();
    List<String> words = new ArrayList<>();
    words.add(candidate.getEmail());
    words.add(candidate.getPhone());
    application.getWorkHistory().forEach(job -> words.add(job.employer()));
    application.getCertificates().forEach(certificate -> words.add(certificate.issuer()));
    List<String> names = new ArrayList<>();
    names.add(candidate.getFirstName());
    names.add(candidate.getLastName());
    return new ProfileRedaction(names, words);
  }

  /**
   * The profile as plain text for a read-only form field: short enough for a process variable,
   * long free text cut (the JSON profile at {@code /api/applications/{reference}/profile} has it
   * whole).
   */
  public static String text(CandidateProfile profile) {
    StringBuilder text = new StringBuilder();
    text.append("Application ").append(profile.reference()).append('\n');
    text.append("Role track: ").append(profile.roleTrackTitle()).append('\n');
    text.append("Programming languages: ")
        .append(profile.languages().isEmpty() ? "none given" : String.join(", ", profile.languages()))
        .append('\n');

    section(text, "Skills (self-rated, 1 beginner to 5 expert)", profile.skills().isEmpty());
    profile.skills().forEach(skill -> text.append("- ").append(skill.name()).append(": ").append(skill.level()).append('\n'));

    section(text, "Work history", profile.workHistory().isEmpty());
    for (Experience job : profile.workHistory()) {
      text.append("- ").append(job.title()).append(", ").append(years(job.years()));
      text.append(job.current() ? " (current)" : "").append('\n');
    }

    section(text, "Projects", profile.projects().isEmpty());
    for (ProjectSummary project : profile.projects()) {
      text.append("- ").append(project.name());
      if (!project.technologies().isEmpty()) {
        text.append(" [").append(String.join(", ", project.technologies())).append(']');
      }
      if (project.description() != null) {
        text.append(": ").append(shortened(project.description(), MAX_DESCRIPTION));
      }
      text.append('\n');
    }

    section(text, "Certificates", profile.certificates().isEmpty());
    profile.certificates().forEach(
        certificate -> text.append("- ").append(certificate.name()).append(" (").append(certificate.year()).append(")\n"));

    AssessmentSummary assessment = profile.assessment();
    section(text, "Assessment", assessment == null);
    if (assessment != null) {
      text.append("- Scaled score: ").append(assessment.scaledScore()).append(" of 100\n");
      text.append("- Coding fundamentals: ").append(assessment.fundamentalsScore()).append('\n');
      text.append("- ").append(assessment.language()).append(": ").append(assessment.languageScore()).append('\n');
      if (assessment.rawScore() != null) {
        text.append("- Items right: ").append(assessment.rawScore()).append(" of ").append(assessment.maxScore()).append('\n');
      }
      assessment.topicScores().forEach(
          (topic, score) -> text.append("- Topic ").append(topic).append(": ").append(score).append('\n'));
    }

    if (!profile.candidateUpdates().isEmpty()) {
      section(text, "What the candidate sent when asked for more information", false);
      for (Update update : profile.candidateUpdates()) {
        text.append("- ").append(update.receivedAt().atOffset(ZoneOffset.UTC).toLocalDate()).append(": ");
        text.append(shortened(update.message(), MAX_UPDATE)).append('\n');
      }
    }
    return fitted(text.toString().stripTrailing());
  }

  private static void section(StringBuilder text, String title, boolean empty) {
    text.append('\n').append(title).append(':').append(empty ? " none\n" : "\n");
  }

  private static String years(int years) {
    return switch (years) {
      case 0 -> "under a year";
      case 1 -> "1 year";
      default -> years + " years";
    };
  }

  private static String shortened(String value, int max) {
    String oneLine = value.replaceAll("\\s*\\R\\s*", " ");
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1).stripTrailing() + "…";
  }

  private static String fitted(String text) {
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    return text.substring(0, MAX_TEXT).stripTrailing() + "\n… (shortened: the full profile is too long for this form)";
  }
}
