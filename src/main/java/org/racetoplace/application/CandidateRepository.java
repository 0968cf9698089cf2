package org.racetoplace.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CandidateRepository extends JpaRepository<Candidate, Long> {

  /** {@code email} must be normalized ({@link Candidate#normalizeEmail}). */
  Optional<Candidate> findByCommunityIdAndEmail(String communityId, String email);

  /** The same person in every community they applied in. */
  List<Candidate> findByEmail(String email);
}
