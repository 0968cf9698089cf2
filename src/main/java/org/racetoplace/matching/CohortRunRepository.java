package org.racetoplace.matching;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CohortRunRepository extends JpaRepository<CohortRun, Long> {}
