package org.racetoplace.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HTTP calls of the load driver against one running application: our JSON API and Camunda's
 * {@code /engine-rest}, each timed into {@link Steps} under a step name.
 */
final class HiringClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A call's status and parsed body (null when there is none). */
  record Answer(int status, JsonNode body) {
    boolean is(int expected) {
      return status == expected;
    }
  }

  private final URI base;
  private final HttpClient http;
  private final Steps steps;

  private HiringClient(URI base, HttpClient http, Steps steps) {
    this.base = base;
    this.http = http;
    this.steps = steps;
  }

  static HiringClient of(URI base) {
    HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    return new HiringClient(base, http, new Steps());
  }

  /** The same application and connections, timing into other steps. */
  HiringClient withSteps(Steps other) {
    return new HiringClient(base, http, other);
  }

  Steps steps() {
    return steps;
  }

  Answer get(String step, String path, Credentials credentials) {
    return send(step, request(path, credentials).GET());
  }

  /** The {@code count} of a REST count resource ({@code …/count}); any other answer is a failure. */
  long count(String step, String path, Credentials credentials) {
    Answer answer = get(step, path, credentials);
    if (!answer.is(200)) {
      throw new IllegalStateException(path + " answered " + answer.status() + " " + answer.body());
    }
    return answer.body().path("count").asLong();
  }

  Answer get(String step, String path, Map<String, String> headers) {
    HttpRequest.Builder request = request(path, null).GET();
    headers.forEach(request::header);
    return send(step, request);
  }

  Answer post(String step, String path, JsonNode body, Credentials credentials) {
    return send(step, request(path, credentials).header("Content-Type", "application/json").POST(body(body)));
  }

  Answer post(String step, String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path, null).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return send(step, request);
  }

  Answer put(String step, String path, JsonNode body, Credentials credentials) {
    return send(step, request(path, credentials).header("Content-Type", "application/json").PUT(body(body)));
  }

  static String query(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&", "?", ""));
  }

  private HttpRequest.Builder request(String path, Credentials credentials) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
    if (credentials != null) {
      request.header("Authorization", credentials.header());
    }
    return request;
  }

  private static HttpRequest.BodyPublisher body(JsonNode body) {
    try {
      return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer send(String step, HttpRequest.Builder request) {
    long start = System.nanoTime();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      steps.record(step, 0, System.nanoTime() - start);
      throw new UncheckedIOException(step + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(step + " interrupted", e);
    }
    steps.record(step, response.statusCode(), System.nanoTime() - start);
    try {
      byte[] bytes = response.body();
      return new Answer(response.statusCode(), bytes.length == 0 ? null : JSON.readTree(bytes));
    } catch (IOException e) {
      // a body that is not JSON (an HTML error page): the status says enough
      return new Answer(response.statusCode(), null);
    }
  }

  /** HTTP Basic credentials of a Camunda user. */
  record Credentials(String user, String password) {
    String header() {
      return "Basic "
          + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
  }
}
