package org.racetoplace.load;

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
 * is not counted, then the measured interval. Reports accepted applications per second and the
 * latency of the accepted ones; other answers are counted by status.
 */
final class IntakePhase {

  /**
   * What the measured interval gave; {@code acceptedInAll} counts the warm-up too, since {@code
   * startedNanos} (every accepted application made one confirmation mail job).
   */
  record Result(
      long accepted, long refused, Duration elapsed, Steps steps, long acceptedInAll, long startedNanos, String cpu) {
    double acceptedPerSecond() {
      return accepted / (elapsed.toNanos() / 1e9);
    }
  }

  private final HiringClient target;
  private final String runId;
  private final int clients;
  private final Optional<CpuMeter> cpu;

  /** @param cpu measures the target's CPU time over the measured interval, when given */
  IntakePhase(HiringClient target, String runId, int clients, Optional<CpuMeter> cpu) {
    this.target = target;
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
    long accepted = run(steps, measured, "intake");
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    String cpuReport = cpu.map(meter -> meter.report(cpuBefore.orElseThrow(), meter.take(), accepted)).orElse("");
    long all = steps.latency("POST /api/applications").getTotalCount();
    return new Result(accepted, all - accepted, elapsed, steps, warm + accepted, started, cpuReport);
  }

  private long run(Steps steps, Duration duration, String label) throws Exception {
    HiringClient http = target.withSteps(steps);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong accepted = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      String name = label + c;
      running.add(
          pool.submit(
              () -> {
                long sequence = 0;
                while (!stop.get()) {
                  if (http.post("POST /api/applications", "/api/applications", LoadScenario.application(runId, name, sequence++), null).is(201)) {
                    accepted.incrementAndGet();
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
    return accepted.get();
  }
}
