package org.racetoplace.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;

/** The service-level targets: defaults, overrides bound as Spring binds configuration, bad values. */
class StuckCaseTargetsTest {

  private static StuckCaseTargets bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("hiring.ops", StuckCaseTargets.class);
  }

  @Test
  void withoutConfigurationEveryWatchedActivityHasItsDefault() {
    StuckCaseTargets targets = bind(Map.of());

    assertThat(targets.targets())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Task_AwaitAssessment", Duration.ofDays(7),
                "Task_VetCandidate", Duration.ofDays(5),
                "Task_ReassignVetting", Duration.ofDays(2),
                "Task_AwaitCandidateUpdate", Duration.ofDays(7),
                "Task_ScheduleInterview", Duration.ofDays(5),
                "Task_ConductInterview", Duration.ofDays(14),
                "Task_EmployerReview", Duration.ofDays(10),
                "Task_EmployerDecision", Duration.ofDays(10),
                "Task_ConfirmPlacement", Duration.ofDays(5)));
    assertThat(StuckCaseTargets.defaultTargets().targets()).isEqualTo(targets.targets());
  }

  @Test
  void configuredTargetsReplaceTheirDefaultsOnlyWhateverTheKeySpelling() {
    StuckCaseTargets targets =
        bind(
            Map.of(
                "hiring.ops.targets[Task_VetCandidate]", "P3D",
                "hiring.ops.targets.task-employer-review", "PT36H",
                "hiring.ops.targets.taskawaitassessment", "P10D"));

    assertThat(targets.target(WatchedActivity.VET_CANDIDATE)).isEqualTo(Duration.ofDays(3));
    assertThat(targets.target(WatchedActivity.EMPLOYER_REVIEW)).isEqualTo(Duration.ofHours(36));
    assertThat(targets.target(WatchedActivity.AWAIT_ASSESSMENT)).isEqualTo(Duration.ofDays(10));
    assertThat(targets.target(WatchedActivity.CONDUCT_INTERVIEW)).as("untouched").isEqualTo(Duration.ofDays(14));
  }

  @Test
  void aYamlKeyWithoutBracketsStillNamesItsActivity() {
    // as a YAML or properties file delivers it: Spring drops the '_' of a map key outside brackets
    StuckCaseTargets targets =
        new Binder(
                ConfigurationPropertySources.from(
                    new MapPropertySource("yaml", Map.of("hiring.ops.targets.Task_EmployerDecision", "P4D"))))
            .bindOrCreate("hiring.ops", StuckCaseTargets.class);

    assertThat(targets.target(WatchedActivity.EMPLOYER_DECISION)).isEqualTo(Duration.ofDays(4));
  }

  @Test
  void anUnknownActivityOrANonPositiveDurationFailsTheStartNamingIt() {
    assertThatThrownBy(() -> bind(Map.of("hiring.ops.targets[Task_Typo]", "P3D")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("Task_Typo")
        .hasMessageContaining("Task_VetCandidate");
    assertThatThrownBy(() -> bind(Map.of("hiring.ops.targets[Task_VetCandidate]", "PT0S")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("Task_VetCandidate")
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> bind(Map.of("hiring.ops.targets[Task_VetCandidate]", "five days")))
        .isInstanceOf(BindException.class);
  }

  @Test
  void durationsReadAsPeopleWriteThem() {
    assertThat(IsoDurations.format(Duration.ofDays(5))).isEqualTo("P5D");
    assertThat(IsoDurations.format(Duration.ofDays(1).plusHours(2).plusMinutes(30))).isEqualTo("P1DT2H30M");
    assertThat(IsoDurations.format(Duration.ofSeconds(1))).isEqualTo("PT1S");
    assertThat(IsoDurations.format(Duration.ofHours(36))).isEqualTo("P1DT12H");
    assertThat(IsoDurations.format(Duration.ZERO)).isEqualTo("PT0S");
    assertThat(IsoDurations.format(Duration.ofMillis(1500))).isEqualTo("PT1S");
  }
}
