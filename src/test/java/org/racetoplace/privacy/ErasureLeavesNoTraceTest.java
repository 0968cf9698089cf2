package org.racetoplace.privacy;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link ErasureScenario} on the embedded default: H2, demo profile. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=false", "hiring.privacy.retention-enabled=false"})
class ErasureLeavesNoTraceTest extends ErasureScenario {}
