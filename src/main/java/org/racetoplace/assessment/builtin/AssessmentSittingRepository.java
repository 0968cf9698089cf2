package org.racetoplace.assessment.builtin;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AssessmentSittingRepository extends JpaRepository<AssessmentSitting, Long> {

  @Query("select s from AssessmentSitting s where s.application.id = :applicationId")
  Optional<AssessmentSitting> findByApplicationId(@Param("applicationId") Long applicationId);

  /**
   * The sitting with its row locked for the rest of the transaction: saves, submission, the sweep
   * and a second node take turns on one sitting instead of overwriting each other.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select s from AssessmentSitting s where s.id = :id")
  Optional<AssessmentSitting> findLockedById(@Param("id") Long id);

  /** Ids of the sittings in a status whose deadline has come by {@code now}, oldest deadline first. */
  @Query(
      "select s.id from AssessmentSitting s where s.status = :status and s.deadline <= :now order by s.deadline")
  List<Long> findIdsByStatusAndDeadlineReached(
      @Param("status") SittingStatus status, @Param("now") Instant now, Pageable page);
}
