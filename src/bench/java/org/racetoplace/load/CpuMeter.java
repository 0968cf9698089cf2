package org.racetoplace.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time that the target application and PostgreSQL spend on an intake phase's measured
 * interval, per counted request: an accepted application, or in the floor phase a refused one
 * (docs/performance.md, "CPU per application", "The floor under intake"). Throughput on a shared
 * 2-core machine moves by up to 20 % between runs of one build; the CPU time says where the two
 * cores went.
 *
 * <p>Works when the driver runs on the target's machine (Linux): process totals come from {@link
 * ProcessHandle.Info#totalCpuDuration()}, the split of the target's time over its threads from
 * {@code /proc/PID/task/TID/stat} ({@code utime + stime}, in the kernel's USER_HZ ticks of 10 ms).
 * PostgreSQL is every process whose command is {@code postgres}: the server's background processes
 * and every connection's backend, of all databases, so nothing else should use that server during
 * the run; when there is none (the database is on another machine), the report says so. A backend
 * or thread that ends within the interval takes its time with it; the application's pool keeps its
 * connections, and the target's total is exact whatever its threads do.
 */
final class CpuMeter {

  /** Linux reports thread times in USER_HZ, 100 per second on every architecture it runs on. */
  private static final long MILLIS_PER_TICK = 10;

  /** The target's threads by the name the kernel keeps for them (15 characters at most). */
  private static final List<Map.Entry<String, List<String>>> GROUPS =
      List.of(
          Map.entry("request threads", List.of("http-nio-", "https-jsse-nio-")),
          Map.entry("job executor", List.of("camundaTaskExec", "JobExecutor")),
          Map.entry("JIT compilers", List.of("C1 CompilerThre", "C2 CompilerThre")),
          Map.entry("garbage collector", List.of("GC Thread", "G1 ")));

  private final long targetPid;

  CpuMeter(long targetPid) {
    this.targetPid = targetPid;
  }

  /** CPU times at one moment; {@code postgres} is empty when no PostgreSQL process is visible. */
  record Snapshot(Duration target, Map<Long, ThreadTime> threads, Optional<Duration> postgres, Duration driver) {}

  /** A thread's name and its CPU time so far, in ticks. */
  record ThreadTime(String name, long ticks) {}

  Snapshot take() {
    ProcessHandle target =
        ProcessHandle.of(targetPid).orElseThrow(() -> new IllegalStateException("No process " + targetPid));
    return new Snapshot(cpu(target), threads(), postgresCpu(), cpu(ProcessHandle.current()));
  }

  /**
   * Milliseconds per counted request ({@code noun}, such as "accepted application") between two
   * snapshots: the target, its thread groups, PostgreSQL and the driver itself, as a line of the
   * report.
   */
  String report(Snapshot before, Snapshot after, long counted, String noun) {
    if (counted == 0) {
      return "CPU: no " + noun + " in the measured interval\n\n";
    }
    Map<String, Long> groups = new LinkedHashMap<>();
    GROUPS.forEach(group -> groups.put(group.getKey(), 0L));
    long grouped = 0;
    for (Map.Entry<Long, ThreadTime> thread : after.threads().entrySet()) {
      long ticks = thread.getValue().ticks() - Optional.ofNullable(before.threads().get(thread.getKey())).map(ThreadTime::ticks).orElse(0L);
      Optional<String> group = groupOf(thread.getValue().name());
      if (group.isPresent()) {
        groups.merge(group.get(), ticks * MILLIS_PER_TICK, Long::sum);
        grouped += ticks * MILLIS_PER_TICK;
      }
    }
    long target = after.target().minus(before.target()).toMillis();
    StringBuilder line = new StringBuilder("CPU per " + noun + " in the measured interval: target **")
        .append(perRequest(target, counted)).append(" ms** (");
    groups.forEach((name, millis) -> line.append(name).append(' ').append(perRequest(millis, counted)).append(", "));
    line.append("other ").append(perRequest(Math.max(0, target - grouped), counted)).append(')');
    if (before.postgres().isPresent() && after.postgres().isPresent()) {
      line.append(", PostgreSQL **")
          .append(perRequest(after.postgres().get().minus(before.postgres().get()).toMillis(), counted))
          .append(" ms**");
    } else {
      line.append(", PostgreSQL not on this machine");
    }
    line.append(", the driver ")
        .append(perRequest(after.driver().minus(before.driver()).toMillis(), counted))
        .append(" ms\n\n");
    return line.toString();
  }

  private static Optional<String> groupOf(String threadName) {
    return GROUPS.stream()
        .filter(group -> group.getValue().stream().anyMatch(threadName::startsWith))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private static String perRequest(long millis, long counted) {
    return String.format("%.1f", millis / (double) counted);
  }

  private static Duration cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().orElseThrow(
        () -> new IllegalStateException("The CPU time of process " + process.pid() + " cannot be read"));
  }

  private Map<Long, ThreadTime> threads() {
    Map<Long, ThreadTime> threads = new LinkedHashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(targetPid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        readThread(task).ifPresent(thread -> threads.put(Long.parseLong(task.getFileName().toString()), thread));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The threads of process " + targetPid + " cannot be read (Linux only)", e);
    }
    return threads;
  }

  private static Optional<ThreadTime> readThread(Path task) {
    try {
      return Optional.of(parseStat(Files.readString(task.resolve("stat"))));
    } catch (NoSuchFileException e) {
      return Optional.empty(); // the thread ended between listing and reading
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One line of {@code /proc/…/stat}: the name is between the first '(' and the last ')' (it may
   * hold spaces and parentheses); utime and stime are the 14th and 15th fields of the line.
   */
  private static ThreadTime parseStat(String stat) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    String[] after = stat.substring(close + 2).trim().split(" ");
    // after[0] is field 3 (state), so field n is after[n - 3]
    return new ThreadTime(stat.substring(open + 1, close), Long.parseLong(after[11]) + Long.parseLong(after[12]));
  }

  private static Optional<Duration> postgresCpu() {
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.map(ProcessHandle::info)
          .filter(info -> info.command().map(command -> command.endsWith("/postgres")).orElse(false))
          .map(info -> info.totalCpuDuration().orElse(Duration.ZERO))
          .reduce(Duration::plus);
    }
  }
}
