package org.racetoplace.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.racetoplace.load.HiringClient.Answer;
import org.racetoplace.load.HiringClient.Credentials;

/**
 * Cases from application to placement, driven as people and systems would drive them:
 *
 * <ol>
 *   <li>candidates post applications ({@code clients} at a time) and follow their status with
 *       the token until the case waits for the assessment, as the status page does;
 *   <li>the assessment provider then posts the signed result to the webhook;
 *   <li>the people of each role (a vetter and an employer reviewer per community, an interviewer,
 *       staff) list their tasks over {@code /engine-rest}, 50 at a time, and complete them with the
 *       form fields of the happy path.
 * </ol>
 *
 * The phase ends when every case of the run has ended in the engine's history; throughput is
 * cases over the time from the first application to the last end.
 */
final class PipelinePhase {

  /** What the phase gave. */
  record Result(
      int cases, long finished, long placed, long incidents, Duration elapsed, long errors, Steps steps) {
    double casesPerSecond() {
      return finished / (elapsed.toNanos() / 1e9);
    }
  }

  private static final DateTimeFormatter CAMUNDA_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
  private static final Duration STATUS_POLL = Duration.ofMillis(100);
  private static final Duration IDLE_POLL = Duration.ofMillis(50);
  private static final int TASK_PAGE = 50;

  private final HiringClient client;
  private final LoadSetup people;
  private final Credentials admin;
  private final String runId;
  private final int clients;
  private final String provider;
  private final byte[] providerKey;
  private final AtomicLong errors = new AtomicLong();
  private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

  PipelinePhase(
      HiringClient client, LoadSetup people, Credentials admin, String runId, int clients, String provider, String providerSecret) {
    this.client = client;
    this.people = people;
    this.admin = admin;
    this.runId = runId;
    this.clients = clients;
    this.provider = provider;
    this.providerKey = Base64.getDecoder().decode(providerSecret.substring("whsec_".length()).split(" ")[0]);
  }

  Result run(int cases, Duration timeout) throws Exception {
    // the engine stores start times to the millisecond; a second of margin against clock rounding
    String startedAfter = CAMUNDA_DATE.format(Instant.now().minusSeconds(1));
    long start = System.nanoTime();
    AtomicBoolean done = new AtomicBoolean();
    ScheduledExecutorService candidates = Executors.newScheduledThreadPool(clients);
    ExecutorService completions = Executors.newFixedThreadPool(clients);
    List<Thread> roles = startRoles(done, completions);
    for (int i = 0; i < cases; i++) {
      long sequence = i;
      candidates.execute(() -> apply(candidates, sequence));
    }
    Map<String, String> finishedQuery = new LinkedHashMap<>();
    finishedQuery.put("processDefinitionKey", "hiring-pipeline");
    finishedQuery.put("startedAfter", startedAfter);
    finishedQuery.put("finished", "true");
    long deadline = start + timeout.toNanos();
    long finished = 0;
    while (finished < cases && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
      finished = count("/engine-rest/history/process-instance/count", finishedQuery);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    done.set(true);
    for (Thread role : roles) {
      role.join();
    }
    candidates.shutdownNow();
    completions.shutdown();
    Map<String, String> placedQuery = new LinkedHashMap<>(finishedQuery);
    placedQuery.put("executedActivityIdIn", "EndEvent_Placed");
    long placed = count("/engine-rest/history/process-instance/count", placedQuery);
    long incidents = count("/engine-rest/incident/count", Map.of("processDefinitionKeyIn", "hiring-pipeline"));
    firstErrors.forEach(error -> System.out.println("  error: " + error));
    return new Result(cases, finished, placed, incidents, elapsed, errors.get(), client.steps());
  }

  private void apply(ScheduledExecutorService candidates, long sequence) {
    Answer answer =
        client.post("POST /api/applications", "/api/applications", LoadScenario.application(runId, "case", sequence), null);
    if (!answer.is(201)) {
      error("application " + sequence, answer);
      return;
    }
    String reference = answer.body().path("reference").asText();
    String token = answer.body().path("statusToken").asText();
    candidates.schedule(() -> followStatus(candidates, reference, token), STATUS_POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Like the status page: once the case waits for the assessment, the candidate takes it. */
  private void followStatus(ScheduledExecutorService candidates, String reference, String token) {
    Answer status = client.get("GET /api/applications/{ref}", "/api/applications/" + reference, Map.of("X-Status-Token", token));
    JsonNode body = status.body();
    if (!status.is(200)) {
      error("status of " + reference, status);
    } else if ("Assess".equals(body.path("stage").asText()) && body.path("deadlines").size() > 0) {
      postResult(reference);
    } else if ("Apply".equals(body.path("stage").asText()) || "Assess".equals(body.path("stage").asText())) {
      candidates.schedule(() -> followStatus(candidates, reference, token), STATUS_POLL.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      error("status of " + reference, status);
    }
  }

  /** The provider's webhook, signed as Standard Webhooks prescribes. */
  private void postResult(String reference) {
    String id = "msg_" + runId + "_" + reference;
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    byte[] body;
    try {
      body = HiringClient.JSON.writeValueAsBytes(LoadScenario.assessmentCompleted(reference, "load-" + runId + "-" + reference));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(providerKey, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      String signature = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
      Answer answer =
          client.post(
              "POST /api/assessment-results/{provider}",
              "/api/assessment-results/" + provider,
              body,
              Map.of("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature));
      if (!answer.is(200) || !"DELIVERED".equals(answer.body().path("status").asText())) {
        error("assessment result of " + reference, answer);
      }
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Thread> startRoles(AtomicBoolean done, ExecutorService completions) {
    List<Thread> roles = new ArrayList<>();
    for (String community : LoadScenario.COMMUNITIES) {
      roles.add(role(done, completions, LoadScenario.vetter(community), List.of("Task_VetCandidate")));
      roles.add(
          role(done, completions, LoadScenario.employer(community), List.of("Task_EmployerReview", "Task_EmployerDecision")));
    }
    roles.add(
        role(done, completions, LoadScenario.INTERVIEWER, List.of("Task_ScheduleInterview", "Task_ConductInterview")));
    roles.add(role(done, completions, LoadScenario.STAFF, List.of("Task_ConfirmPlacement")));
    roles.forEach(Thread::start);
    return roles;
  }

  /**
   * One person's loop: list the oldest tasks of each kind, complete them (in parallel on the
   * shared completion pool), list again; pause briefly when there is nothing to do.
   */
  private Thread role(AtomicBoolean done, ExecutorService completions, String user, List<String> taskKeys) {
    Credentials credentials = people.credentials(user);
    Runnable loop =
        () -> {
          while (!done.get()) {
            List<Future<?>> working = new ArrayList<>();
            for (String key : taskKeys) {
              Map<String, String> query = new LinkedHashMap<>();
              query.put("processDefinitionKey", "hiring-pipeline");
              query.put("taskDefinitionKey", key);
              query.put("sortBy", "created");
              query.put("sortOrder", "asc");
              query.put("maxResults", Integer.toString(TASK_PAGE));
              Answer tasks = client.get("GET /engine-rest/task " + key, "/engine-rest/task" + HiringClient.query(query), credentials);
              if (!tasks.is(200)) {
                error(user + " listing " + key, tasks);
                continue;
              }
              for (JsonNode task : tasks.body()) {
                String id = task.path("id").asText();
                working.add(completions.submit(() -> complete(credentials, key, id)));
              }
            }
            if (working.isEmpty()) {
              LockSupport.parkNanos(IDLE_POLL.toNanos());
            }
            for (Future<?> completion : working) {
              try {
                completion.get();
              } catch (Exception e) {
                errors.incrementAndGet();
                note(user + ": " + e);
              }
            }
          }
        };
    Thread thread = new Thread(loop, "load-" + user);
    thread.setDaemon(true);
    return thread;
  }

  private void complete(Credentials credentials, String key, String taskId) {
    Answer answer =
        client.post("POST /engine-rest/task/{id}/complete " + key, "/engine-rest/task/" + taskId + "/complete", LoadScenario.completion(key), credentials);
    if (!answer.is(204)) {
      error(credentials.user() + " completing " + key, answer);
    }
  }

  private long count(String path, Map<String, String> query) {
    return client.count("monitor", path + HiringClient.query(query), admin);
  }

  private void error(String what, Answer answer) {
    errors.incrementAndGet();
    note(what + ": " + answer.status() + " " + answer.body());
  }

  private void note(String error) {
    if (firstErrors.size() < 10) {
      firstErrors.add(error);
    }
  }
}
