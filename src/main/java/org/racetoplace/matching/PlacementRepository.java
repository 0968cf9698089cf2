package org.racetoplace.matching;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PlacementRepository extends JpaRepository<Placement, Long> {

  @Query("select p from Placement p where p.application.id = :applicationId")
  Optional<Placement> findByApplicationId(@Param("applicationId") Long applicationId);

  @Query("select count(p) from Placement p where p.opening.id = :openingId")
  long countByOpeningId(@Param("openingId") Long openingId);
}
