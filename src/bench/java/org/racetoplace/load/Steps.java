package org.racetoplace.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latency of every HTTP call, per step, in microseconds (HdrHistogram), and the answers by status. */
final class Steps {

  /** One hour in microseconds: longer calls are clamped to it. */
  private static final long HIGHEST_MICROS = 3_600_000_000L;

  private final ConcurrentMap<String, Histogram> latencies = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> answers = new ConcurrentHashMap<>();

  void record(String step, int status, long nanos) {
    latencies
        .computeIfAbsent(step, key -> new ConcurrentHistogram(HIGHEST_MICROS, 3))
        .recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nanos / 1_000)));
    answers.computeIfAbsent(step + " " + status, key -> new LongAdder()).increment();
  }

  Histogram latency(String step) {
    Histogram histogram = latencies.get(step);
    return histogram == null ? new Histogram(HIGHEST_MICROS, 3) : histogram.copy();
  }

  long answers(String step, int status) {
    LongAdder count = answers.get(step + " " + status);
    return count == null ? 0 : count.sum();
  }

  /** "step status" → count, sorted. */
  Map<String, Long> answers() {
    Map<String, Long> sorted = new TreeMap<>();
    answers.forEach((key, count) -> sorted.put(key, count.sum()));
    return sorted;
  }

  /** Markdown rows: step, calls, p50, p90, p99, max in milliseconds. */
  String table() {
    StringBuilder table = new StringBuilder("| step | calls | p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
    new TreeMap<>(latencies)
        .forEach(
            (step, histogram) ->
                table.append(
                    String.format(
                        "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                        step,
                        histogram.getTotalCount(),
                        millis(histogram, 50),
                        millis(histogram, 90),
                        millis(histogram, 99),
                        histogram.getMaxValue() / 1000.0)));
    return table.toString();
  }

  static double millis(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }
}
