package org.racetoplace.interview;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InterviewAppointmentRepository extends JpaRepository<InterviewAppointment, Long> {

  @Query("select count(a) from InterviewAppointment a where a.application.id = :applicationId")
  long countByApplicationId(@Param("applicationId") Long applicationId);

  /** The appointment made last. */
  @Query("select a from InterviewAppointment a where a.application.id = :applicationId order by a.attempt desc")
  List<InterviewAppointment> latestFirst(@Param("applicationId") Long applicationId, Limit limit);

  default Optional<InterviewAppointment> findFirstByApplicationIdOrderByAttemptDesc(Long applicationId) {
    return latestFirst(applicationId, Limit.of(1)).stream().findFirst();
  }
}
