package org.racetoplace.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CandidateRepository extends JpaRepository<Candidate, Long> {

  /** {@code email} must be normalized ({@link Candidate#normalizeEmail}). */
  @Query("select c from Candidate c where c.community.id = :communityId and c.email = :email")
  Optional<Candidate> findByCommunityIdAndEmail(
      @Param("communityId") String communityId, @Param("email") String email);

  /** The same person in every community they applied in. */
  @Query("select c from Candidate c where c.email = :email")
  List<Candidate> findByEmail(@Param("email") String email);
}
