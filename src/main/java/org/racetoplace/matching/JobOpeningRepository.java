package org.racetoplace.matching;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface JobOpeningRepository extends JpaRepository<JobOpening, Long> {

  /**
   * The openings worth ranking for a case of {@code communityId}: open, with a position left, at
   * an active partner, in the community or open to remote work. The ranker checks the same rules
   * again (and which were proposed before); this query only keeps the list short.
   */
  @Query(
      """
      select o from JobOpening o join fetch o.employer e join fetch o.community c
      where o.status = org.racetoplace.matching.OpeningStatus.OPEN
        and o.filled < o.positions
        and e.active = true
        and (c.id = :communityId or o.remoteAllowed = true)
      order by o.id
      """)
  List<JobOpening> findRankable(@Param("communityId") String communityId);

  /** Every opening that may be proposed to someone: open, a position left, an active partner. */
  @Query(
      """
      select o from JobOpening o join fetch o.employer e join fetch o.community c
      where o.status = org.racetoplace.matching.OpeningStatus.OPEN
        and o.filled < o.positions
        and e.active = true
      order by o.id
      """)
  List<JobOpening> findAvailable();

  @Query("select o from JobOpening o join fetch o.employer join fetch o.community order by o.id")
  List<JobOpening> findAllWithEmployer();

  @Query("select o from JobOpening o join fetch o.employer join fetch o.community where o.id = :id")
  Optional<JobOpening> findWithEmployer(@Param("id") long id);

  /**
   * The opening, its row locked until the transaction ends: an edit and a placement into the same
   * opening take turns (the placement locks the row too), so positions are never counted on a
   * stale row.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select o from JobOpening o where o.id = :id")
  Optional<JobOpening> findForUpdate(@Param("id") long id);

  @Query("select o from JobOpening o where o.employer.id = :employerId order by o.id")
  List<JobOpening> findByEmployerIdOrderById(@Param("employerId") Long employerId);
}
