package org.racetoplace.assessment.provider;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AssessmentInboxRepository extends JpaRepository<AssessmentInboxEntry, Long> {

  @Query(
      "select e from AssessmentInboxEntry e where e.provider = :provider and e.webhookId = :webhookId")
  Optional<AssessmentInboxEntry> findByProviderAndWebhookId(
      @Param("provider") String provider, @Param("webhookId") String webhookId);

  @Query("select e from AssessmentInboxEntry e where e.applicationReference = :reference order by e.id")
  List<AssessmentInboxEntry> findByApplicationReferenceOrderById(@Param("reference") String applicationReference);

  /** Ids of pending rows after {@code afterId}, oldest first: one page of a sweep. */
  @Query(
      "select e.id from AssessmentInboxEntry e where e.status = org.racetoplace.assessment.provider.InboxStatus.PENDING"
          + " and e.id > :afterId order by e.id")
  List<Long> findPendingIdsAfter(@Param("afterId") long afterId, Limit limit);

  /**
   * The row, locked for this transaction, if it is still pending and no other transaction holds
   * it — on another node or in this one. {@code skip locked} (PostgreSQL 9.5+, H2 2.x) makes a
   * second claimant move on at once instead of waiting to hand the same result over twice.
   */
  @Query(
      value = "select * from assessment_inbox where id = :id and status = 'PENDING' for update skip locked",
      nativeQuery = true)
  Optional<AssessmentInboxEntry> claimPending(@Param("id") long id);
}
