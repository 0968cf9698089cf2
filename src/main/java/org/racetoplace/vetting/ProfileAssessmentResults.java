package org.racetoplace.vetting;

import java.util.List;
import java.util.Optional;
import org.racetoplace.assessment.AssessmentResult;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The one read of assessment results the profile needs: the latest of an application. */
interface ProfileAssessmentResults extends Repository<AssessmentResult, Long> {

  @Query(
      "select r from AssessmentResult r where r.application.id = :applicationId order by r.createdAt desc, r.id desc")
  List<AssessmentResult> latestFirst(@Param("applicationId") Long applicationId, Limit limit);

  default Optional<AssessmentResult> findFirstByApplicationIdOrderByCreatedAtDescIdDesc(Long applicationId) {
    return latestFirst(applicationId, Limit.of(1)).stream().findFirst();
  }
}
