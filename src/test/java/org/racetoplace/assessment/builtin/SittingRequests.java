package org.racetoplace.assessment.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The candidate's side of a built-in sitting over HTTP, for the tests of this package: a request
 * with the status token, and the right answer to a bank item in the shape its kind takes.
 */
final class SittingRequests {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;
  private final ItemBank bank;

  SittingRequests(TestRestTemplate rest, ItemBank bank) {
    this.rest = rest;
    this.bank = bank;
  }

  /** A request as the candidate's page makes it; no token header when {@code token} is null. */
  ResponseEntity<String> call(HttpMethod method, String path, String token, String body) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.set("X-Status-Token", token);
    }
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /** The body of the right answer to the bank item {@code itemId}. */
  String rightAnswer(String itemId) {
    return rightAnswer(bank.item(itemId).orElseThrow());
  }

  /**
   * The body of the right answer to a bank item, in the shape its kind takes. A multiple-choice key
   * is given sorted by option id: scoring compares the choices as a set, so the order does not
   * change the score, but the key is a {@code Set.copyOf} with no fixed order, and the sitting stores
   * (and shows back) the choices sorted; sorted, the body is the same on every run and equals the
   * answer as the server shows it.
   */
  static String rightAnswer(BankItem item) {
    ObjectNode body = JSON.createObjectNode();
    switch (item.kind()) {
      case SINGLE_CHOICE -> body.put("choice", item.keyOptions().iterator().next());
      case MULTIPLE_CHOICE -> item.keyOptions().stream().sorted().forEach(body.putArray("choices")::add);
      case OUTPUT_PREDICTION, SHORT_ANSWER -> body.put("text", item.acceptedAnswers().get(0));
    }
    return body.toString();
  }
}
