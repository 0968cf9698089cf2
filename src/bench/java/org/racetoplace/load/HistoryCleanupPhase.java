package org.racetoplace.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.racetoplace.load.HiringClient.Credentials;
import org.racetoplace.pipeline.HiringPipeline;

/**
 * What the nightly history clean-up costs (docs/performance.md, "History clean-up"): ends the
 * cases a run left open as a withdrawal ends them, makes every finished case's history due for
 * removal now, starts the clean-up job and times it until the history of those cases is gone.
 *
 * <p>Everything goes through {@code /engine-rest} as an operator would do it. Run the application
 * with a clean-up window that does not include now (e.g. {@code HIRING_HISTORY_CLEANUP_START=12:00},
 * {@code HIRING_HISTORY_CLEANUP_END=12:01} at night): inside its window the scheduled job removes
 * cases while their removal time is still being set, and the time measured here would be that of
 * the last few. The job started here with {@code immediatelyDue} runs outside the window, and
 * again at once for as long as each run finds a full batch. Destructive: for a load-test database
 * only.
 */
final class HistoryCleanupPhase {

  private static final DateTimeFormatter REST_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

  /** The history tables counted, by their REST count resource; the finished cases first. */
  private static final Map<String, String> COUNTS = new LinkedHashMap<>();

  static {
    COUNTS.put("finished cases", "/engine-rest/history/process-instance/count?finished=true");
    COUNTS.put("activity instances", "/engine-rest/history/activity-instance/count");
    COUNTS.put("variable instances", "/engine-rest/history/variable-instance/count");
    COUNTS.put("variable updates", "/engine-rest/history/detail/count");
    COUNTS.put("job log entries", "/engine-rest/history/job-log/count");
  }

  /** No history count moved for this long after the last change: the clean-up is over. */
  private static final Duration SETTLED = Duration.ofSeconds(5);

  /**
   * @param before the rows of each table of {@link #COUNTS}, in its order, before the clean-up
   * @param after the same once it was over
   * @param endCases time to end the open cases (a delete batch)
   * @param setRemovalTime time to make the finished cases due (a set-removal-time batch)
   * @param cleanup time from starting the clean-up until the last history row it removed
   */
  record Result(
      long[] before, long[] after, Duration endCases, Duration setRemovalTime, Duration cleanup, boolean complete) {

    String report() {
      long cases = before[0];
      long removed = 0;
      StringBuilder table = new StringBuilder("| history rows | before | after |\n|---|---|---|\n");
      int i = 0;
      for (String name : COUNTS.keySet()) {
        removed += before[i] - after[i];
        table.append(String.format("| %s | %d | %d |%n", name, before[i], after[i]));
        i++;
      }
      double seconds = cleanup.toMillis() / 1000.0;
      return String.format(
              "History clean-up: **%d finished cases, %d history rows removed in %.1f s: %.0f cases/s, %.0f rows/s**%s%n%n",
              cases, removed, seconds, cases / seconds, removed / seconds, complete ? "" : " (NOT complete: timed out)")
          + String.format(
              "Before it: open cases ended by a delete batch in %.1f s; removal time set by a batch in %.1f s%n%n",
              endCases.toMillis() / 1000.0, setRemovalTime.toMillis() / 1000.0)
          + table
          + "\n";
    }
  }

  private final HiringClient client;
  private final Credentials admin;

  HistoryCleanupPhase(HiringClient client, Credentials admin) {
    this.client = client;
    this.admin = admin;
  }

  Result run(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long start = System.nanoTime();
    ObjectNode delete = HiringClient.JSON.createObjectNode();
    delete.putObject("processInstanceQuery").put("processDefinitionKey", HiringPipeline.PROCESS_ID);
    delete.put("deleteReason", "load run: history clean-up measurement");
    awaitBatch(client.post("end open cases", "/engine-rest/process-instance/delete", delete, admin), deadline);
    Duration endCases = Duration.ofNanos(System.nanoTime() - start);
    long[] before = counts();

    start = System.nanoTime();
    ObjectNode removal = HiringClient.JSON.createObjectNode();
    removal.put("absoluteRemovalTime", REST_TIME.format(Instant.now().minusSeconds(1)));
    removal.put("hierarchical", true);
    removal.putObject("historicProcessInstanceQuery").put("finished", true);
    awaitBatch(client.post("set removal time", "/engine-rest/history/process-instance/set-removal-time", removal, admin), deadline);
    Duration setRemovalTime = Duration.ofNanos(System.nanoTime() - start);

    start = System.nanoTime();
    HiringClient.Answer cleanup =
        client.post("start clean-up", "/engine-rest/history/cleanup?immediatelyDue=true", HiringClient.JSON.createObjectNode(), admin);
    if (!cleanup.is(200)) {
      throw new IllegalStateException("POST /history/cleanup answered " + cleanup.status() + ": " + cleanup.body());
    }
    // the job removes table by table, the cases first: done once no count has moved for a while
    long lastChange = System.nanoTime();
    long[] seen = counts();
    boolean complete = false;
    while (!complete && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
      long[] now = counts();
      if (!Arrays.equals(now, seen)) {
        seen = now;
        lastChange = System.nanoTime();
      }
      complete = seen[0] == 0 && System.nanoTime() - lastChange > SETTLED.toNanos();
    }
    return new Result(before, seen, endCases, setRemovalTime, Duration.ofNanos(lastChange - start), complete);
  }

  private long[] counts() {
    return COUNTS.values().stream().mapToLong(path -> client.count("history count", path, admin)).toArray();
  }

  /** Waits until the batch the answer describes has run all its jobs (then it is deleted). */
  private void awaitBatch(HiringClient.Answer created, long deadline) {
    if (!created.is(200)) {
      throw new IllegalStateException("Creating a batch answered " + created.status() + ": " + created.body());
    }
    String path = "/engine-rest/batch/" + created.body().get("id").asText();
    while (System.nanoTime() < deadline) {
      if (client.get("batch", path, admin).is(404)) {
        return;
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
    throw new IllegalStateException("The batch " + path + " did not finish in time");
  }
}
