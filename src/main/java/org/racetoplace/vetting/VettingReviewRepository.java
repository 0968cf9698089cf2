package org.racetoplace.vetting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VettingReviewRepository extends JpaRepository<VettingReview, Long> {

  long countByApplicationId(Long applicationId);

  /** The reviews of an application, first round first. */
  List<VettingReview> findByApplicationIdOrderByRoundAsc(Long applicationId);

  /** The latest review of an application. */
  Optional<VettingReview> findFirstByApplicationIdOrderByRoundDesc(Long applicationId);
}
