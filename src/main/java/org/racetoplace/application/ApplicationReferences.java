package org.racetoplace.application;

import jakarta.persistence.EntityManager;
import java.util.regex.Pattern;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.racetoplace.community.Community;
import org.springframework.stereotype.Component;

/**
 * Hands out application references: the community's prefix, a dash and a number of at least six
 * digits ({@code BHM-001042}).
 *
 * <p>The number comes from one database sequence ({@code application_reference_seq}) shared by all
 * communities, rather than from a counter row per community. A sequence never blocks and never
 * returns a number twice, whatever the number of nodes; a counter row would serialize every
 * submission of a community on its row lock until commit, and would need a row for each new
 * community. The price: numbers are not consecutive within a community, and a rolled-back
 * submission leaves a gap. Neither matters for a reference, and uniqueness is still enforced by a
 * unique constraint.
 */
@Component
public class ApplicationReferences {

  static final String SEQUENCE = "application_reference_seq";

  /** Three capital letters, a dash, six or more digits. */
  public static final Pattern FORMAT = Pattern.compile("[A-Z]{3}-[0-9]{6,}");

  private final EntityManager entityManager;

  public ApplicationReferences(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Must run inside a transaction (the sequence is read on the transaction's connection). */
  public String next(Community community) {
    return format(community.getReferencePrefix(), nextNumber());
  }

  static String format(String prefix, long number) {
    return String.format("%s-%06d", prefix, number);
  }

  private long nextNumber() {
    // the dialect knows each database's spelling: "next value for" on H2, nextval() on PostgreSQL
    String sql =
        entityManager
            .getEntityManagerFactory()
            .unwrap(SessionFactoryImplementor.class)
            .getJdbcServices()
            .getDialect()
            .getSequenceSupport()
            .getSequenceNextValString(SEQUENCE);
    return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
  }
}
