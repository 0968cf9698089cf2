package org.racetoplace.load;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The driver's settings, from {@code --name=value} arguments (docs/performance.md, "Load driver").
 *
 * @param url the application as shipped
 * @param baselineUrl optional: the same model with no-op delegates ({@link LoadTargetApplication}
 *     {@code --noop-delegates}), driven the same way after {@code url} in the same run
 * @param clients concurrent clients of each phase
 * @param intakeWarmUp intake calls before the measured interval, not counted
 * @param intakeDuration the measured interval of the intake phase; zero skips the phase
 * @param floorDuration the measured interval of the floor phase (after intake and the wait for its
 *     confirmation mails, with the same warm-up: the same applications with an invalid e-mail
 *     address, refused with a 400 and nothing written); zero, the default, skips it
 * @param cases cases driven from application to placement; zero skips the phase
 * @param pipelineTimeout the pipeline phase gives up (and says so) after this
 * @param sideBySide with a baseline: drive both pipeline phases at the same time, so that other
 *     load on the machine weighs on both alike (the default); false drives them one after the other
 * @param historyCleanup at the end, end the open cases of {@code url} and time the history
 *     clean-up of every finished case ({@link HistoryCleanupPhase}; destructive)
 * @param targetPid optional: the process id of the application at {@code url}, on this machine;
 *     the intake then reports the CPU time per accepted application of it and of PostgreSQL
 *     ({@link CpuMeter})
 */
record LoadOptions(
    URI url,
    Optional<URI> baselineUrl,
    String adminUser,
    String adminPassword,
    String userPassword,
    int clients,
    Duration intakeWarmUp,
    Duration intakeDuration,
    Duration floorDuration,
    int cases,
    Duration pipelineTimeout,
    boolean sideBySide,
    String provider,
    String providerSecret,
    boolean historyCleanup,
    Optional<Long> targetPid,
    Optional<String> reportFile) {

  static LoadOptions parse(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Arguments are --name=value, got '" + arg + "'");
      }
      given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    String adminPassword = take(given, "admin-password", System.getenv("HIRING_ADMIN_PASSWORD"));
    if (adminPassword == null || adminPassword.isBlank()) {
      throw new IllegalArgumentException("--admin-password (or HIRING_ADMIN_PASSWORD) is required");
    }
    LoadOptions options =
        new LoadOptions(
            URI.create(take(given, "url", "http://127.0.0.1:8080/")),
            Optional.ofNullable(take(given, "baseline-url", null)).map(URI::create),
            take(given, "admin-user", "admin"),
            adminPassword,
            take(given, "user-password", adminPassword),
            Integer.parseInt(take(given, "clients", "16")),
            Duration.parse(take(given, "intake-warm-up", "PT10S")),
            Duration.parse(take(given, "intake-duration", "PT30S")),
            Duration.parse(take(given, "floor-duration", "PT0S")),
            Integer.parseInt(take(given, "cases", "300")),
            Duration.parse(take(given, "pipeline-timeout", "PT10M")),
            Boolean.parseBoolean(take(given, "side-by-side", "true")),
            take(given, "provider", "loadtest"),
            take(given, "provider-secret", System.getenv("HIRING_LOAD_PROVIDER_SECRET")),
            Boolean.parseBoolean(take(given, "history-cleanup", "false")),
            Optional.ofNullable(take(given, "target-pid", null)).map(Long::parseLong),
            Optional.ofNullable(take(given, "report", null)));
    if (!given.isEmpty()) {
      throw new IllegalArgumentException("Unknown arguments: " + given.keySet());
    }
    if (options.cases() > 0 && (options.providerSecret() == null || !options.providerSecret().startsWith("whsec_"))) {
      throw new IllegalArgumentException(
          "The pipeline phase posts signed assessment results: --provider-secret=whsec_… (the secret the"
              + " application has for --provider) is required, or --cases=0");
    }
    return options;
  }

  private static String take(Map<String, String> given, String name, String fallback) {
    String value = given.remove(name);
    return value == null ? fallback : value;
  }
}
