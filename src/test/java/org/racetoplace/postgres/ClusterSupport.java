package org.racetoplace.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.racetoplace.assessment.provider.WebhookSigner;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the cluster tests share: a database of their own next to the PostgreSQL suite's, a mail server
 * both nodes send to, the settings every node gets, and the calls a candidate or an assessment
 * provider makes over HTTP.
 */
final class ClusterSupport implements AutoCloseable {

  static final String PROVIDER = "cluster";
  static final String SECRET = "whsec_Y2x1c3Rlci10ZXN0LXByb3ZpZGVyLXNlY3JldC0wMDAwMDE=";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COMMUNITIES =
      List.of("birmingham", "atlanta", "akron", "seattle", "hawaii", "rhode-island");

  /** A case as intake answered it. */
  record Case(String reference, String statusToken, String email, String processInstanceId) {}

  /** A database of its own, new for every test: no case or job of another test is in it. */
  private final String url;
  final JdbcTemplate jdbc;
  final GreenMail smtp = new GreenMail(new ServerSetup(ClusterNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  /** Creates the database {@code <suite database>_<suffix>} afresh and starts the mail server. */
  ClusterSupport(String suffix) {
    url = freshDatabase(suffix);
    jdbc = template(url);
    smtp.start();
  }

  /**
   * Drops and creates the database {@code <suite database>_<suffix>} next to the suite's, on the
   * same server, and returns its JDBC URL: a test that runs the job executor or breaks connections
   * on purpose does it in a database no other test uses.
   */
  static String freshDatabase(String suffix) {
    String configured = PostgresTestDatabase.URL;
    int query = configured.indexOf('?');
    String parameters = query < 0 ? "" : configured.substring(query);
    String path = query < 0 ? configured : configured.substring(0, query);
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1) + "_" + suffix;
    JdbcTemplate server = serverTemplate();
    server.execute("drop database if exists " + name + " with (force)");
    server.execute("create database " + name);
    return path.substring(0, slash + 1) + name + parameters;
  }

  /** A connection to the server's {@code postgres} database, for what a test does to another one. */
  static JdbcTemplate serverTemplate() {
    String configured = PostgresTestDatabase.URL;
    int query = configured.indexOf('?');
    String parameters = query < 0 ? "" : configured.substring(query);
    String path = query < 0 ? configured : configured.substring(0, query);
    return template(path.substring(0, path.lastIndexOf('/') + 1) + "postgres" + parameters);
  }

  static JdbcTemplate template(String url) {
    return new JdbcTemplate(
        new DriverManagerDataSource(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD));
  }

  /** The settings of every node: this database, this mail server, the test provider's secret. */
  Map<String, String> nodeProperties() {
    Map<String, String> properties = new HashMap<>();
    properties.put("spring.profiles.active", "postgres");
    properties.put("spring.datasource.url", url);
    properties.put("spring.datasource.username", PostgresTestDatabase.USER);
    properties.put("spring.datasource.password", PostgresTestDatabase.PASSWORD);
    properties.put("hiring.admin.password", PostgresTestDatabase.ADMIN_PASSWORD);
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", Integer.toString(smtp.getSmtp().getPort()));
    properties.put("hiring.assessment.providers." + PROVIDER + ".secret", SECRET);
    return properties;
  }

  /** Applies through {@code node}'s intake API; {@code sequence} picks the community. */
  Case apply(ClusterNode node, String runId, int sequence) {
    String email = "cluster-" + runId + "-" + sequence + "@example.org";
    String body =
        """
        {"firstName":"Katherine","lastName":"Johnson","email":"%s","community":"%s",
         "roleTrack":"software-engineer","languages":["Java"],"consent":true}"""
            .formatted(email, COMMUNITIES.get(sequence % COMMUNITIES.size()));
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(node.uri("/api/applications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(answer.statusCode()).as(node.name() + ": " + answer.body()).isEqualTo(201);
    JsonNode json = read(answer.body());
    String reference = json.get("reference").asText();
    String processInstanceId =
        jdbc.queryForObject("select process_instance_id from application where reference = ?", String.class, reference);
    return new Case(reference, json.get("statusToken").asText(), email, processInstanceId);
  }

  /** The provider's signed result below the pass mark, delivered to {@code node}. */
  void deliverFailingResult(ClusterNode node, Case c) {
    String body =
        """
        {"type":"assessment.completed","data":{"applicationReference":"%s","language":"Java",\
        "fundamentalsScore":30,"languageScore":25,"completedAt":"%s"}}"""
            .formatted(c.reference(), Instant.now().minusSeconds(60));
    String id = "msg_" + c.reference();
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(node.uri("/api/assessment-results/" + PROVIDER))
            .header("Content-Type", "application/json")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", WebhookSigner.sign(SECRET, id, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> answer = send(request);
    assertThat(answer.statusCode()).as(node.name() + ": " + answer.body()).isIn(200, 202);
  }

  /** The candidate withdraws through {@code node}. */
  void withdraw(ClusterNode node, Case c) {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(node.uri("/api/applications/" + c.reference() + "/withdraw"))
                .header("X-Status-Token", c.statusToken())
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(answer.statusCode()).as(node.name() + ": " + answer.body()).isEqualTo(202);
  }

  /** Mail received per recipient address (the address alone, without the name). */
  Map<String, Integer> mailsPerRecipient() {
    Map<String, Integer> counts = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        for (Address recipient : message.getAllRecipients()) {
          counts.merge(((InternetAddress) recipient).getAddress(), 1, Integer::sum);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return counts;
  }

  /** {@code select count(*) … where <column> = any(?)} over the given process instance ids. */
  long countWhereAny(String sql, List<String> processInstanceIds) {
    return jdbc.execute(
        (ConnectionCallback<Long>)
            connection -> {
              Array ids = connection.createArrayOf("varchar", processInstanceIds.toArray());
              try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, ids);
                try (ResultSet rows = statement.executeQuery()) {
                  rows.next();
                  return rows.getLong(1);
                }
              }
            });
  }

  /** Rows of a two-column query ({@code key, count}) over the given process instance ids. */
  Map<String, Long> groupWhereAny(String sql, List<String> processInstanceIds) {
    return jdbc.execute(
        (ConnectionCallback<Map<String, Long>>)
            connection -> {
              Array ids = connection.createArrayOf("varchar", processInstanceIds.toArray());
              Map<String, Long> groups = new HashMap<>();
              try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, ids);
                try (ResultSet rows = statement.executeQuery()) {
                  while (rows.next()) {
                    groups.put(rows.getString(1), rows.getLong(2));
                  }
                }
              }
              return groups;
            });
  }

  /** Polls {@code condition} every 200 ms until it holds; fails with {@code what} at the deadline. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    smtp.stop();
  }
}
