package org.racetoplace.application;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

  Optional<Application> findByReference(String reference);

  /** The candidate's active application, if any (at most one: see the unique constraint). */
  Optional<Application> findByActiveCandidateId(Long candidateId);
}
