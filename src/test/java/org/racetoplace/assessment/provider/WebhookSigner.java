package org.racetoplace.assessment.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Signs test deliveries as a Standard Webhooks sender does: {@code v1,} and the base64
 * HMAC-SHA256 of {@code id.timestamp.body} under the decoded {@code whsec_} secret. Written apart
 * from the verifier; the known-answer tests tie both to values computed with openssl.
 */
public final class WebhookSigner {

  private WebhookSigner() {}

  public static String sign(String whsecSecret, String id, long timestamp, String body) {
    return sign(whsecSecret, id, Long.toString(timestamp), body.getBytes(StandardCharsets.UTF_8));
  }

  public static String sign(String whsecSecret, String id, String timestamp, byte[] body) {
    byte[] key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The three headers of a delivery signed with {@code whsecSecret}, and a JSON content type. */
  public static HttpHeaders headers(String whsecSecret, String id, long timestamp, String body) {
    return headers(id, Long.toString(timestamp), sign(whsecSecret, id, timestamp, body));
  }

  public static HttpHeaders headers(String id, String timestamp, String signature) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (id != null) {
      headers.set("webhook-id", id);
    }
    if (timestamp != null) {
      headers.set("webhook-timestamp", timestamp);
    }
    if (signature != null) {
      headers.set("webhook-signature", signature);
    }
    return headers;
  }
}
