package org.racetoplace.interview;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;

public interface InterviewAppointmentRepository extends JpaRepository<InterviewAppointment, Long> {

  @Query("select count(a) from InterviewAppointment a where a.application.id = :applicationId")
  long countByApplicationId(@Param("applicationId") Long applicationId);

  /** The appointment made last. */
  Optional<InterviewAppointment> findFirstByApplicationIdOrderByAttemptDesc(Long applicationId);
}
