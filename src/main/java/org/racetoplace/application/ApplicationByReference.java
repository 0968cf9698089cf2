package org.racetoplace.application;

import java.util.Optional;

/**
 * A fragment of {@link ApplicationRepository}: the application by its reference, through
 * Hibernate's natural id ({@link Application}'s reference). Unlike a query, it first looks in the
 * current transaction's persistence context: the case's first step, which runs in the transaction
 * that stored the application, finds it there without a statement.
 */
public interface ApplicationByReference {

  /** The application with the reference, from this transaction if it has it, else one select. */
  Optional<Application> loadByReference(String reference);
}
