package org.racetoplace.matching;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EmployerPartnerRepository extends JpaRepository<EmployerPartner, Long> {

  @Query("select e from EmployerPartner e where e.slug = :slug")
  Optional<EmployerPartner> findBySlug(@Param("slug") String slug);

  @Query("select count(e) > 0 from EmployerPartner e where e.slug = :slug")
  boolean existsBySlug(@Param("slug") String slug);
}
