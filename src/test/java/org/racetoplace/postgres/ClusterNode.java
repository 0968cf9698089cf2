package org.racetoplace.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A node of the application in a JVM of its own ({@link ClusterNodeApplication}, the test
 * classpath), on its own port, against the database it is given: what the cluster tests start
 * two of. Its output goes to {@code target/cluster/<name>.log}.
 */
final class ClusterNode implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private ClusterNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts a node; {@code properties} are passed as {@code --key=value} after the ones every node
   * has (its port, its engine host name = {@code name}, rate limits off).
   */
  static ClusterNode launch(String name, Map<String, String> properties) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ClusterNodeApplication.class.getName());
    command.add("--server.port=" + port);
    command.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
    command.add("--hiring.rate-limits.enabled=false");
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Path directory = Files.createDirectories(Path.of("target", "cluster"));
      Path log = directory.resolve(name + ".log");
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new ClusterNode(name, port, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start node " + name, e);
    }
  }

  String name() {
    return name;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Waits until the node answers ready (database and job executor up), or fails with its log. */
  ClusterNode awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpResponse<Void> answer =
            http.send(
                HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return this;
        }
      } catch (ConnectException notListeningYet) {
        // still starting
      } catch (IOException e) {
        // a read timeout while the node starts: ask again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
    throw new IllegalStateException(name + " not ready within " + START_TIMEOUT + ":\n" + logTail());
  }

  /** {@code kill -9}: no shutdown hook, no transaction finished, locks left as they were. */
  int kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " still alive after SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return process.exitValue();
  }

  /** An orderly shutdown (SIGTERM), forced after 60 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
