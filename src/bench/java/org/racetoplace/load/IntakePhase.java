package org.racetoplace.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intake under load: {@code clients} clients each post applications back to back, a warm-up that
 * is not counted, then the measured interval. Reports the applications answered as the {@link
 * Kind} expects per second and their latency; other answers are counted by status.
 */
final class IntakePhase {

  /** What the clients post, and the answer that counts. */
  enum Kind {
    /** Complete applications, each accepted with a {@code 201} and its case. */
    ACCEPTED("Intake", "POST /api/applications", 201, "accepted"),
    /**
     * The same applications with an invalid e-mail address: the request is read and checked as
     * intake's is, then refused with a {@code 400} problem, and nothing is written (the stack's
     * floor under intake, docs/performance.md, "The floor under intake").
     */
    REFUSED("Floor", "POST /api/applications (invalid)", 400, "refused");

    final String title;
    final String step;
    final int status;
    /** what the expected answer did to the application: "accepted", "refused" */
    final String outcome;

    Kind(String title, String step, int status, String outcome) {
      this.title = title;
      this.step = step;
      this.status = status;
      this.outcome = outcome;
    }

    String noun() {
      return outcome + " application";
    }

    ObjectNode body(String runId, String client, long sequence) {
      ObjectNode application = LoadScenario.application(runId, client, sequence);
      return this == ACCEPTED ? application : application.put("email", "not-an-email-" + sequence);
    }
  }

  /**
   * What the measured interval gave: {@code counted} answered as the kind expects, {@code other}
   * answered otherwise; {@code countedInAll} counts the warm-up too, since {@code startedNanos}
   * (every accepted application made one confirmation mail job).
   */
  record Result(
      long counted, long other, Duration elapsed, Steps steps, long countedInAll, long startedNanos, String cpu) {
    double countedPerSecond() {
      return counted / (elapsed.toNanos() / 1e9);
    }
  }

  private final HiringClient target;
  private final Kind kind;
  private final String runId;
  private final int clients;
  private final Optional<CpuMeter> cpu;

  /** @param cpu measures the target's CPU time over the measured interval, when given */
  IntakePhase(HiringClient target, Kind kind, String runId, int clients, Optional<CpuMeter> cpu) {
    this.target = target;
    this.kind = kind;
    this.runId = runId;
    this.clients = clients;
    this.cpu = cpu;
  }

  Result run(Duration warmUp, Duration measured) throws Exception {
    long started = System.nanoTime();
    long warm = run(new Steps(), warmUp, "warm");
    Steps steps = new Steps();
    Optional<CpuMeter.Snapshot> cpuBefore = cpu.map(CpuMeter::take);
    long start = System.nanoTime();
    long counted = run(steps, measured, "intake");
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    String cpuReport = cpu.map(meter -> meter.report(cpuBefore.orElseThrow(), meter.take(), counted, kind.noun())).orElse("");
    long all = steps.latency(kind.step).getTotalCount();
    return new Result(counted, all - counted, elapsed, steps, warm + counted, started, cpuReport);
  }

  private long run(Steps steps, Duration duration, String label) throws Exception {
    HiringClient http = target.withSteps(steps);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong counted = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      String name = label + c;
      running.add(
          pool.submit(
              () -> {
                long sequence = 0;
                while (!stop.get()) {
                  if (http.post(kind.step, "/api/applications", kind.body(runId, name, sequence++), null).is(kind.status)) {
                    counted.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    boolean finished = pool.awaitTermination(duration.toMillis(), TimeUnit.MILLISECONDS);
    stop.set(true);
    for (Future<?> client : running) {
      client.get();
    }
    pool.shutdown();
    if (finished) {
      throw new IllegalStateException("intake clients ended before the interval");
    }
    return counted.get();
  }
}
