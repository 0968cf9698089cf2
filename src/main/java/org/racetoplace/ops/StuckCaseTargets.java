package org.racetoplace.ops;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hiring.ops.targets}: how long a case may wait at each watched activity before it counts
 * as stuck, as ISO 8601 durations keyed by BPMN activity id. Every key is optional; the defaults
 * below apply to the rest. Keys match ignoring case and separators, so {@code Task_VetCandidate},
 * {@code "[Task_VetCandidate]"} and an environment variable {@code HIRING_OPS_TARGETS_TASKVETCANDIDATE}
 * all name the vetting task. An unknown key or a duration that is not positive fails the start.
 */
@ConfigurationProperties("hiring.ops")
public record StuckCaseTargets(Map<String, Duration> targets) {

  /** The targets used for activities that configuration does not name. */
  public static final Map<WatchedActivity, Duration> DEFAULTS = defaults();

  public StuckCaseTargets {
    Map<WatchedActivity, Duration> merged = new EnumMap<>(DEFAULTS);
    if (targets != null) {
      targets.forEach(
          (key, value) -> {
            WatchedActivity activity = resolve(key);
            if (value == null || value.isZero() || value.isNegative()) {
              throw new IllegalArgumentException(
                  "hiring.ops.targets." + key + " must be a positive ISO 8601 duration such as P5D, not '" + value + "'");
            }
            merged.put(activity, value);
          });
    }
    targets =
        Collections.unmodifiableMap(
            merged.entrySet().stream()
                .collect(
                    Collectors.toMap(
                        e -> e.getKey().activityId(),
                        Map.Entry::getValue,
                        (a, b) -> a,
                        java.util.LinkedHashMap::new)));
  }

  /** Defaults only: for code and tests that build the service by hand. */
  public static StuckCaseTargets defaultTargets() {
    return new StuckCaseTargets(null);
  }

  /** The target of a watched activity (configured or default). */
  public Duration target(WatchedActivity activity) {
    return targets.get(activity.activityId());
  }

  private static WatchedActivity resolve(String key) {
    String wanted = normalize(key);
    return Arrays.stream(WatchedActivity.values())
        .filter(activity -> normalize(activity.activityId()).equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "hiring.ops.targets: '" + key + "' is not a watched activity; known: "
                        + Arrays.stream(WatchedActivity.values()).map(WatchedActivity::activityId).toList()));
  }

  private static String normalize(String key) {
    return key == null ? "" : key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }

  private static Map<WatchedActivity, Duration> defaults() {
    Map<WatchedActivity, Duration> defaults = new EnumMap<>(WatchedActivity.class);
    defaults.put(WatchedActivity.AWAIT_ASSESSMENT, Duration.ofDays(7));
    defaults.put(WatchedActivity.VET_CANDIDATE, Duration.ofDays(5));
    defaults.put(WatchedActivity.REASSIGN_VETTING, Duration.ofDays(2));
    defaults.put(WatchedActivity.AWAIT_CANDIDATE_UPDATE, Duration.ofDays(7));
    defaults.put(WatchedActivity.SCHEDULE_INTERVIEW, Duration.ofDays(5));
    defaults.put(WatchedActivity.CONDUCT_INTERVIEW, Duration.ofDays(14));
    defaults.put(WatchedActivity.EMPLOYER_REVIEW, Duration.ofDays(10));
    defaults.put(WatchedActivity.EMPLOYER_DECISION, Duration.ofDays(10));
    defaults.put(WatchedActivity.CONFIRM_PLACEMENT, Duration.ofDays(5));
    return Collections.unmodifiableMap(defaults);
  }
}
