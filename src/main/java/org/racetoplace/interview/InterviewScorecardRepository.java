package org.racetoplace.interview;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InterviewScorecardRepository extends JpaRepository<InterviewScorecard, Long> {

  boolean existsByAppointmentId(Long appointmentId);

  long countByApplicationIdAndAttendedFalse(Long applicationId);

  /** The attended interview recorded last. */
  Optional<InterviewScorecard> findFirstByApplicationIdAndAttendedTrueOrderByRecordedAtDescIdDesc(Long applicationId);
}
