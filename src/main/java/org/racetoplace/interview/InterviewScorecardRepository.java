package org.racetoplace.interview;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InterviewScorecardRepository extends JpaRepository<InterviewScorecard, Long> {

  @Query(
      "select count(s) > 0 from InterviewScorecard s where s.appointment.id = :appointmentId")
  boolean existsByAppointmentId(@Param("appointmentId") Long appointmentId);

  @Query(
      "select count(s) from InterviewScorecard s"
          + " where s.application.id = :applicationId and s.attended = false")
  long countByApplicationIdAndAttendedFalse(@Param("applicationId") Long applicationId);

  /** The attended interview recorded last. */
  @Query(
      "select s from InterviewScorecard s where s.application.id = :applicationId and s.attended = true"
          + " order by s.recordedAt desc, s.id desc")
  List<InterviewScorecard> attendedLatestFirst(@Param("applicationId") Long applicationId, Limit limit);

  default Optional<InterviewScorecard> findFirstByApplicationIdAndAttendedTrueOrderByRecordedAtDescIdDesc(
      Long applicationId) {
    return attendedLatestFirst(applicationId, Limit.of(1)).stream().findFirst();
  }
}
