package org.racetoplace.matching;

import java.util.Collection;
import java.util.List;
import org.racetoplace.application.Application;
import org.racetoplace.application.ApplicationStatus;
import org.racetoplace.interview.InterviewRecommendation;
import org.racetoplace.vetting.VettingDecision;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * What the matching engine reads of the other stages' tables: evidence for a candidate's skills
 * and the free-text skills the taxonomy does not know. Read-only.
 */
public interface MatchEvidenceRepository extends Repository<Application, Long> {

  interface AssessedLanguage {
    String getLanguage();

    int getLanguageScore();
  }

  interface InterviewOutcome {
    InterviewRecommendation getRecommendation();

    Integer getScore();
  }

  /** A skill name written by one application or opening of a community. */
  interface WrittenSkill {
    long getOwnerId();

    String getCommunityId();

    String getName();
  }

  @Query(
      """
      select r.language as language, r.languageScore as languageScore
      from AssessmentResult r where r.application.id = :applicationId order by r.id
      """)
  List<AssessedLanguage> assessedLanguages(@Param("applicationId") Long applicationId);

  /** Vetting decisions, the latest round first. */
  @Query(
      """
      select v.decision from VettingReview v where v.application.id = :applicationId
      order by v.round desc, v.decidedAt desc, v.id desc
      """)
  List<VettingDecision> vettingDecisions(@Param("applicationId") Long applicationId);

  /** Attended interviews' outcomes, the latest first. */
  @Query(
      """
      select s.recommendation as recommendation, s.score as score from InterviewScorecard s
      where s.application.id = :applicationId and s.attended = true
      order by s.recordedAt desc, s.id desc
      """)
  List<InterviewOutcome> interviewOutcomes(@Param("applicationId") Long applicationId);

  @Query(
      """
      select a from Application a join fetch a.community
      where a.status in :statuses order by a.id
      """)
  List<Application> findByStatusIn(@Param("statuses") Collection<ApplicationStatus> statuses);

  @Query(
      """
      select a from Application a join fetch a.community
      where a.reference in :references order by a.id
      """)
  List<Application> findByReferenceIn(@Param("references") Collection<String> references);

  /**
   * The self-rated skills intake stored without a canonical skill (the taxonomy did not know
   * them), one row per application and name.
   */
  @Query(
      """
      select distinct a.id as ownerId, a.community.id as communityId, s.name as name
      from Application a join a.skills s
      where s.canonicalName is null
      """)
  List<WrittenSkill> unknownApplicationSkills();

  /** The project technologies stored without a canonical skill, one row per application and name. */
  @Query(
      """
      select distinct p.application.id as ownerId, p.application.community.id as communityId, t.name as name
      from Project p join p.technologies t
      where t.canonicalName is null
      """)
  List<WrittenSkill> unknownProjectTechnologies();

  /**
   * Every opening's skill names, one row per opening and name (known ones are stored under their
   * canonical name, unknown ones as written).
   */
  @Query(
      """
      select distinct o.id as ownerId, o.community.id as communityId, s.name as name
      from JobOpening o join o.skills s
      """)
  List<WrittenSkill> openingSkills();
}
