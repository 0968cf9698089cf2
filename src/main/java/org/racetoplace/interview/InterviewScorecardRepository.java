package org.racetoplace.interview;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;

public interface InterviewScorecardRepository extends JpaRepository<InterviewScorecard, Long> {

  @Query(
      "select count(s) > 0 from InterviewScorecard s where s.appointment.id = :appointmentId")
  boolean existsByAppointmentId(@Param("appointmentId") Long appointmentId);

  @Query(
      "select count(s) from InterviewScorecard s"
          + " where s.application.id = :applicationId and s.attended = false")
  long countByApplicationIdAndAttendedFalse(@Param("applicationId") Long applicationId);

  /** The attended interview recorded last. */
  Optional<InterviewScorecard> findFirstByApplicationIdAndAttendedTrueOrderByRecordedAtDescIdDesc(Long applicationId);
}
