package org.racetoplace.vetting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CandidateUpdateRepository extends JpaRepository<CandidateUpdate, Long> {

  /** What the candidate sent so far, oldest first. */
  @Query(
      "select u from CandidateUpdate u where u.application.id = :applicationId order by u.receivedAt, u.id")
  List<CandidateUpdate> findByApplicationIdOrderByReceivedAtAscIdAsc(@Param("applicationId") Long applicationId);
}
