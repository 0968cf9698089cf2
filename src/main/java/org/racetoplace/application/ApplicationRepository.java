package org.racetoplace.application;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Every finder here, as in all our repositories, spells its JPQL out: Hibernate 6.6 caches the
 * translation of a JPQL string but translates Spring Data's derived (criteria) queries again on
 * every call, which was the largest single cost of intake (docs/performance.md, "Intake after the
 * finder change").
 */
public interface ApplicationRepository extends JpaRepository<Application, Long>, ApplicationByReference {

  @Query("select a from Application a where a.reference = :reference")
  Optional<Application> findByReference(@Param("reference") String reference);

  /** The candidate's active application, if any (at most one: see the unique constraint). */
  @Query("select a from Application a where a.activeCandidateId = :candidateId")
  Optional<Application> findByActiveCandidateId(@Param("candidateId") Long candidateId);
}
