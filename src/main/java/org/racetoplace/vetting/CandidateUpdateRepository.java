package org.racetoplace.vetting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CandidateUpdateRepository extends JpaRepository<CandidateUpdate, Long> {

  /** What the candidate sent so far, oldest first. */
  List<CandidateUpdate> findByApplicationIdOrderByReceivedAtAscIdAsc(Long applicationId);
}
