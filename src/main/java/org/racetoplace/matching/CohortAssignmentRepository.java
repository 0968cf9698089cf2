package org.racetoplace.matching;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CohortAssignmentRepository extends JpaRepository<CohortAssignment, Long> {

  /** The application's assignments in runs made since {@code since}, the latest run first. */
  @Query(
      """
      select a from CohortAssignment a join fetch a.run r
      where a.applicationId = :applicationId and r.createdAt >= :since
      order by r.id desc
      """)
  List<CohortAssignment> findSince(@Param("applicationId") Long applicationId, @Param("since") Instant since);

  /** Per opening, how many cases of the run other than {@code applicationId} it was assigned. */
  @Query(
      """
      select a.openingId, count(a) from CohortAssignment a
      where a.run.id = :runId and a.openingId is not null and a.applicationId <> :applicationId
      group by a.openingId
      """)
  List<Object[]> countOthersByOpening(@Param("runId") Long runId, @Param("applicationId") Long applicationId);

  /** The references of the run's cases that were assigned an opening. */
  @Query(
      """
      select app.reference from CohortAssignment a, org.racetoplace.application.Application app
      where a.run.id = :runId and a.openingId is not null and app.id = a.applicationId
      order by app.id
      """)
  List<String> assignedReferences(@Param("runId") Long runId);
}
