package org.racetoplace.matching;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MatchProposalRepository extends JpaRepository<MatchProposal, Long> {

  /** Every opening ever proposed to the application, whatever came of it. */
  @Query("select p.opening.id from MatchProposal p where p.application.id = :applicationId")
  Set<Long> findOpeningIdsByApplicationId(@Param("applicationId") Long applicationId);

  @Query(
      """
      select p from MatchProposal p join fetch p.opening o join fetch o.employer join fetch o.community
      where p.id = :id
      """)
  Optional<MatchProposal> findWithOpening(@Param("id") long id);

  @Query(
      "select p from MatchProposal p where p.application.id = :applicationId and p.status in :statuses")
  List<MatchProposal> findByApplicationIdAndStatusIn(
      @Param("applicationId") Long applicationId,
      @Param("statuses") Collection<ProposalStatus> statuses);

  @Query("select p from MatchProposal p where p.application.id = :applicationId order by p.id")
  List<MatchProposal> findByApplicationIdOrderById(@Param("applicationId") Long applicationId);

  @Query("select p from MatchProposal p join fetch p.application where p.opening.id = :openingId order by p.id")
  List<MatchProposal> findByOpeningId(@Param("openingId") long openingId);
}
