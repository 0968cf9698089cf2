package org.racetoplace.matching;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;

public interface PlacementRepository extends JpaRepository<Placement, Long> {

  @Query("select p from Placement p where p.application.id = :applicationId")
  Optional<Placement> findByApplicationId(@Param("applicationId") Long applicationId);

  long countByOpeningId(Long openingId);
}
