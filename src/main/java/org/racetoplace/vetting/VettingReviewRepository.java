package org.racetoplace.vetting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VettingReviewRepository extends JpaRepository<VettingReview, Long> {

  @Query("select count(r) from VettingReview r where r.application.id = :applicationId")
  long countByApplicationId(@Param("applicationId") Long applicationId);

  /** The reviews of an application, first round first. */
  @Query(
      "select r from VettingReview r where r.application.id = :applicationId order by r.round")
  List<VettingReview> findByApplicationIdOrderByRoundAsc(@Param("applicationId") Long applicationId);

  /** The reviews of an application, latest round first, at most {@code limit}. */
  @Query("select r from VettingReview r where r.application.id = :applicationId order by r.round desc")
  List<VettingReview> latestFirst(@Param("applicationId") Long applicationId, Limit limit);

  /** The latest review of an application. */
  default Optional<VettingReview> findFirstByApplicationIdOrderByRoundDesc(Long applicationId) {
    return latestFirst(applicationId, Limit.of(1)).stream().findFirst();
  }
}
