package org.racetoplace.interview;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InterviewAppointmentRepository extends JpaRepository<InterviewAppointment, Long> {

  long countByApplicationId(Long applicationId);

  /** The appointment made last. */
  Optional<InterviewAppointment> findFirstByApplicationIdOrderByAttemptDesc(Long applicationId);
}
