package org.racetoplace.assessment.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.racetoplace.assessment.provider.WebhookVerificationException.Reason;

/**
 * Verifies deliveries the way the Standard Webhooks specification
 * (https://www.standardwebhooks.com) signs them, so a provider using one of its reference
 * libraries works unchanged:
 *
 * <ul>
 *   <li>{@code webhook-id}: the message id, the same on every retry;
 *   <li>{@code webhook-timestamp}: Unix time in seconds of this attempt, at most the tolerance away
 *       from our clock, in either direction (a replayed old delivery fails here);
 *   <li>{@code webhook-signature}: space-separated {@code v1,<base64>} signatures, each an
 *       HMAC-SHA256 of {@code id + "." + timestamp + "." + body} keyed with the decoded bytes of a
 *       {@code whsec_} secret. Any valid one is enough (the provider rotating keys sends two); a
 *       provider may have several secrets configured (we rotate), and any of them may match.
 *       Other schemes ({@code v1a,…}) are skipped.
 * </ul>
 *
 * The signature covers the raw body bytes as received, so this runs before anything parses the
 * body. Signatures are compared in constant time ({@link MessageDigest#isEqual}). Thread-safe.
 */
public class WebhookSignatureVerifier {

  public static final String HEADER_ID = "webhook-id";
  public static final String HEADER_TIMESTAMP = "webhook-timestamp";
  public static final String HEADER_SIGNATURE = "webhook-signature";

  static final String SCHEME = "v1";
  static final int MAX_ID_LENGTH = 200;

  /** Lower-case words joined by '-', as the path names them: {@code codesignal}, {@code hacker-earth}. */
  static final Pattern PROVIDER_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  static final int MAX_PROVIDER_NAME_LENGTH = 60;

  /** Visible ASCII without '.', which separates the signed parts (the specification forbids it). */
  private static final Pattern ID = Pattern.compile("[\\x21-\\x2D\\x2F-\\x7E]{1," + MAX_ID_LENGTH + "}");

  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
  private static final String ALGORITHM = "HmacSHA256";

  private final Map<String, List<byte[]>> keysByProvider;
  private final Duration tolerance;
  private final Clock clock;

  /** Signs for names that are not configured, so an unknown provider costs what a known one does. */
  private final byte[] decoyKey;

  /**
   * @param providers configured providers by name
   * @throws IllegalStateException a provider name or secret that cannot be used, naming the
   *     provider's configuration key (never the secret), so a typo stops start-up
   */
  WebhookSignatureVerifier(
      Map<String, ProviderWebhookProperties.Provider> providers, Duration tolerance, Clock clock) {
    this.keysByProvider = keys(providers);
    this.tolerance = tolerance;
    this.clock = clock;
    this.decoyKey = new byte[32];
    new SecureRandom().nextBytes(decoyKey);
  }

  private static Map<String, List<byte[]>> keys(Map<String, ProviderWebhookProperties.Provider> providers) {
    Map<String, List<byte[]>> keys = new LinkedHashMap<>();
    providers.forEach(
        (name, provider) -> {
          String property = "hiring.assessment.providers." + name + ".secret";
          if (name.length() > MAX_PROVIDER_NAME_LENGTH || !PROVIDER_NAME.matcher(name).matches()) {
            throw new IllegalStateException(
                "hiring.assessment.providers: the provider name '"
                    + name
                    + "' must be lower-case letters and digits, words joined by '-', at most "
                    + MAX_PROVIDER_NAME_LENGTH
                    + " characters");
          }
          String secrets = provider == null ? null : provider.secret();
          if (secrets == null || secrets.isBlank()) {
            throw new IllegalStateException(property + " is not set");
          }
          List<byte[]> providerKeys = new ArrayList<>();
          String[] parts = secrets.trim().split("\\s+");
          for (int i = 0; i < parts.length; i++) {
            try {
              providerKeys.add(WebhookSecret.parse(parts[i]).key());
            } catch (IllegalArgumentException e) {
              throw new IllegalStateException(
                  property + " (secret " + (i + 1) + " of " + parts.length + "): " + e.getMessage());
            }
          }
          keys.put(name, List.copyOf(providerKeys));
        });
    return Map.copyOf(keys);
  }

  /** The configured providers' names (for the start-up log; the endpoint never tells them). */
  List<String> providerNames() {
    return keysByProvider.keySet().stream().sorted().toList();
  }

  /** A delivery whose headers and signature checked out. */
  public record VerifiedDelivery(String provider, String webhookId, Instant timestamp) {}

  /**
   * @param provider the name in the path
   * @param id the {@code webhook-id} header, null when missing
   * @param timestamp the {@code webhook-timestamp} header, null when missing
   * @param signatures the {@code webhook-signature} header, null when missing
   * @param body the body exactly as received
   * @throws WebhookVerificationException 401, and why
   */
  public VerifiedDelivery verify(
      String provider, String id, String timestamp, String signatures, byte[] body) {
    require(HEADER_ID, id);
    require(HEADER_TIMESTAMP, timestamp);
    require(HEADER_SIGNATURE, signatures);
    if (!ID.matcher(id).matches()) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_HEADER,
          "Header "
              + HEADER_ID
              + " must be 1 to "
              + MAX_ID_LENGTH
              + " visible ASCII characters other than '.'.");
    }
    if (!TIMESTAMP.matcher(timestamp).matches()) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_HEADER, "Header " + HEADER_TIMESTAMP + " must be a Unix time in seconds.");
    }
    List<byte[]> offered = v1Signatures(signatures);
    Instant sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    Duration offset = Duration.between(sentAt, clock.instant()).abs();
    if (offset.compareTo(tolerance) > 0) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_OUT_OF_TOLERANCE,
          "Header "
              + HEADER_TIMESTAMP
              + " is more than "
              + tolerance.toSeconds()
              + " seconds away from the current time.");
    }
    byte[] signed = signedContent(id, timestamp, body);
    List<byte[]> keys = provider == null ? null : keysByProvider.get(provider);
    boolean valid = false;
    if (keys == null) {
      // same work as for a known provider, and the same answer as a wrong signature
      matchesAny(hmac(decoyKey, signed), offered);
    } else {
      for (byte[] key : keys) {
        if (matchesAny(hmac(key, signed), offered)) {
          valid = true;
          break;
        }
      }
    }
    if (!valid) {
      throw new WebhookVerificationException(
          Reason.NO_VALID_SIGNATURE,
          "No signature in header " + HEADER_SIGNATURE + " is valid for this endpoint.");
    }
    return new VerifiedDelivery(provider, id, sentAt);
  }

  private static void require(String header, String value) {
    if (value == null || value.isBlank()) {
      throw new WebhookVerificationException(Reason.MISSING_HEADER, "Header " + header + " is missing.");
    }
  }

  /**
   * The decoded {@code v1} signatures of the header. Entries of other schemes, and {@code v1}
   * entries that are not base64, are skipped: they cannot match, and another entry still may.
   */
  private static List<byte[]> v1Signatures(String header) {
    List<byte[]> signatures = new ArrayList<>();
    for (String entry : header.trim().split(" +")) {
      int comma = entry.indexOf(',');
      if (comma <= 0) {
        throw new WebhookVerificationException(
            Reason.MALFORMED_HEADER,
            "Header " + HEADER_SIGNATURE + " must be space-separated entries of the form v1,<base64>.");
      }
      if (!entry.substring(0, comma).equals(SCHEME)) {
        continue;
      }
      try {
        signatures.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
      } catch (IllegalArgumentException e) {
        // not base64: cannot be a valid signature
      }
    }
    return signatures;
  }

  private static byte[] signedContent(String id, String timestamp, byte[] body) {
    byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    byte[] content = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    System.arraycopy(body, 0, content, prefix.length, body.length);
    return content;
  }

  private static boolean matchesAny(byte[] expected, List<byte[]> offered) {
    boolean matched = false;
    for (byte[] signature : offered) {
      // constant time for equal lengths; a length differing says nothing about the key
      matched |= MessageDigest.isEqual(expected, signature);
    }
    return matched;
  }

  /** HMAC-SHA256 of {@code content} under {@code key}. */
  static byte[] hmac(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      // every Java runtime has HmacSHA256
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
