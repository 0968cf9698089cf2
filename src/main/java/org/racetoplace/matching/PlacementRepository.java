package org.racetoplace.matching;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlacementRepository extends JpaRepository<Placement, Long> {

  Optional<Placement> findByApplicationId(Long applicationId);

  long countByOpeningId(Long openingId);
}
