package org.racetoplace.vetting;

import java.util.Optional;
import org.racetoplace.assessment.AssessmentResult;
import org.springframework.data.repository.Repository;

/** The one read of assessment results the profile needs: the latest of an application. */
interface ProfileAssessmentResults extends Repository<AssessmentResult, Long> {

  Optional<AssessmentResult> findFirstByApplicationIdOrderByCreatedAtDescIdDesc(Long applicationId);
}
