package org.racetoplace.notification;

import java.util.Optional;

/**
 * Looks up the candidate behind an application reference. Implemented by the application package,
 * which owns candidates; notification only needs an address, a name and a status link, and
 * process variables must not carry them.
 */
public interface RecipientDirectory {

  /** The candidate of the application {@code reference} ({@code BHM-000123}), if there is one. */
  Optional<Recipient> findByApplicationReference(String reference);
}
