package org.racetoplace.matching;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EmployerPartnerRepository extends JpaRepository<EmployerPartner, Long> {

  Optional<EmployerPartner> findBySlug(String slug);

  boolean existsBySlug(String slug);
}
