package org.racetoplace.matching;

import java.util.List;
import org.racetoplace.application.Application;
import org.racetoplace.application.Certificate;
import org.racetoplace.application.Project;
import org.racetoplace.application.ProjectTechnology;
import org.racetoplace.application.Skill;
import org.racetoplace.vetting.VettingDecision;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compiles an application into a {@link MatchCandidate} from what our tables hold: self-rated
 * skills and preferred languages (self-reported), project technologies (project), certificate
 * titles naming known skills (certificate), passed assessment languages (assessment), the latest
 * vetting review's approval (vetter) and the latest attended interview's scorecard. Self-rated
 * skills and project technologies count as the canonical skill intake stored with them.
 */
@Component
public class CandidateEvidence {

  private final MatchEvidenceRepository evidence;

  public CandidateEvidence(MatchEvidenceRepository evidence) {
    this.evidence = evidence;
  }

  /**
   * Reads the application's lazy collections: call inside a transaction. Its skills get their ids
   * from the matching run's {@code vocabulary}.
   */
  @Transactional(readOnly = true)
  public MatchCandidate of(Application application, SkillVocabulary vocabulary) {
    SkillTaxonomy taxonomy = vocabulary.taxonomy();
    MatchCandidate.Builder builder =
        MatchCandidate.builder(vocabulary, application.getId(), application.getCommunity().getId());
    for (Skill skill : application.getSkills()) {
      builder.selfRated(skillName(taxonomy, skill.canonicalName(), skill.name()), skill.level());
    }
    application.getLanguages().forEach(builder::preferredLanguage);
    for (Project project : application.getProjects()) {
      for (ProjectTechnology technology : project.getTechnologyEntries()) {
        builder.project(skillName(taxonomy, technology.canonicalName(), technology.name()));
      }
    }
    for (Certificate certificate : application.getCertificates()) {
      builder.certificate(certificate.name());
    }
    for (MatchEvidenceRepository.AssessedLanguage result : evidence.assessedLanguages(application.getId())) {
      builder.assessed(result.getLanguage(), result.getLanguageScore());
    }
    List<VettingDecision> decisions = evidence.vettingDecisions(application.getId());
    builder.vetterApproved(!decisions.isEmpty() && decisions.get(0) == VettingDecision.APPROVE);
    List<MatchEvidenceRepository.InterviewOutcome> interviews = evidence.interviewOutcomes(application.getId());
    if (!interviews.isEmpty()) {
      builder.interview(interviews.get(0).getRecommendation(), interviews.get(0).getScore());
    }
    return builder.build();
  }

  /**
   * The skill a stored row stands for: the canonical skill intake stored with it, or, for a row
   * without one (stored before intake normalised skills, or unknown when stored) or with one the
   * taxonomy no longer has, the name as written, resolved now.
   */
  private static String skillName(SkillTaxonomy taxonomy, String canonical, String written) {
    return canonical != null && taxonomy.knows(canonical) ? canonical : written;
  }
}
