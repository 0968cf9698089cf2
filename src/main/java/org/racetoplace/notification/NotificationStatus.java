package org.racetoplace.notification;

/** Where an outbox row stands. There is no FAILED: a failure keeps the row PENDING for the retry. */
public enum NotificationStatus {
  PENDING,
  SENT
}
