package org.racetoplace.application;

import org.springframework.data.jpa.repository.JpaRepository;

/** For aggregate reports only; never read to answer a request about one application. */
public interface SelfIdentificationRepository extends JpaRepository<SelfIdentification, Long> {}
