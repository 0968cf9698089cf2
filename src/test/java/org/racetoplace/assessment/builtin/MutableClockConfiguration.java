package org.racetoplace.assessment.builtin;

import java.time.Instant;
import org.racetoplace.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The server's clock in the test's hand: a {@link MutableClock} in place of the application's
 * clock. A top-level test configuration is not picked up by itself; a test takes it with
 * {@code @Import(MutableClockConfiguration.class)}.
 */
@TestConfiguration
class MutableClockConfiguration {

  @Bean
  @Primary
  MutableClock testClock() {
    return new MutableClock(Instant.now());
  }
}
