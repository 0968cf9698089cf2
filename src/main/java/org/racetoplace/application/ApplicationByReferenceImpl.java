package org.racetoplace.application;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.hibernate.Session;

/** Spring Data finds this implementation of the fragment by its name. */
class ApplicationByReferenceImpl implements ApplicationByReference {

  private final EntityManager entityManager;

  ApplicationByReferenceImpl(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  @Override
  public Optional<Application> loadByReference(String reference) {
    return entityManager.unwrap(Session.class).bySimpleNaturalId(Application.class).loadOptional(reference);
  }
}
