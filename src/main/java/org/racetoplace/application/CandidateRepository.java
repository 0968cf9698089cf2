package org.racetoplace.application;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CandidateRepository extends JpaRepository<Candidate, Long> {

  /** {@code email} must be normalized ({@link Candidate#normalizeEmail}). */
  Optional<Candidate> findByCommunityIdAndEmail(String communityId, String email);
}
