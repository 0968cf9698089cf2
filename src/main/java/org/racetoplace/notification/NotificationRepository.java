package org.racetoplace.notification;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  @Query("select n from Notification n where n.dedupKey = :dedupKey")
  Optional<Notification> findByDedupKey(@Param("dedupKey") String dedupKey);

  /** The row of a message being delivered, locked until the delivery's transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select n from Notification n where n.dedupKey = :dedupKey")
  Optional<Notification> findByDedupKeyForUpdate(@Param("dedupKey") String dedupKey);

  @Query(
      "select n from Notification n where n.applicationReference = :reference order by n.createdAt")
  List<Notification> findByApplicationReferenceOrderByCreatedAt(
      @Param("reference") String applicationReference);
}
