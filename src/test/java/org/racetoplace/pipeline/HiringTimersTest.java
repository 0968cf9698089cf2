package org.racetoplace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HiringTimersTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static HiringTimers timers(String vettingEscalation) {
    return new HiringTimers(
        Map.of(
            "assessmentReminder", "P3D",
            "assessmentDeadline", "P7D",
            "vettingReminder", "P2D",
            "vettingEscalation", vettingEscalation),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void theModelReadsTheConfiguredDurations() {
    HiringTimers timers = timers("P5D");
    assertThat(timers.getAssessmentReminder()).isEqualTo("P3D");
    assertThat(timers.getAssessmentDeadline()).isEqualTo("P7D");
    assertThat(timers.getVettingReminder()).isEqualTo("P2D");
    assertThat(timers.getVettingEscalation()).isEqualTo("P5D");
  }

  @Test
  void aTaskIsDueWhenItsEscalationWouldFire() {
    assertThat(timers("P5D").dueIn("vettingEscalation"))
        .isEqualTo(Date.from(Instant.parse("2026-11-30T12:00:00Z")));
    assertThat(timers("PT36H").dueIn("vettingEscalation"))
        .isEqualTo(Date.from(Instant.parse("2026-11-27T00:00:00Z")));
  }

  @Test
  void aValueThatIsNoDurationStopsStartUpNamingIt() {
    assertThatThrownBy(() -> timers("5 days"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vettingEscalation")
        .hasMessageContaining("5 days");
  }

  @Test
  void anUnknownTimerNameIsRefused() {
    assertThatThrownBy(() -> timers("P5D").dueIn("interviewDeadline"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interviewDeadline");
  }
}
