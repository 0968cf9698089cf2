package org.racetoplace.assessment.provider;

import java.util.Arrays;
import java.util.Base64;

/**
 * A provider's signing secret in the Standard Webhooks form {@code whsec_<base64>}: the HMAC key
 * is the decoded bytes after the prefix, 24 to 64 of them (192 to 512 bits, as the specification
 * asks). Never printed: {@link #toString()} hides the key.
 */
final class WebhookSecret {

  static final String PREFIX = "whsec_";
  static final int MIN_KEY_BYTES = 24;
  static final int MAX_KEY_BYTES = 64;

  private final byte[] key;

  private WebhookSecret(byte[] key) {
    this.key = key;
  }

  /**
   * @param text {@code whsec_} followed by standard base64 (with or without padding)
   * @throws IllegalArgumentException saying what is wrong, never repeating the secret
   */
  static WebhookSecret parse(String text) {
    if (text == null || !text.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a secret must start with " + PREFIX);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a secret must be " + PREFIX + " followed by base64");
    }
    if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
      throw new IllegalArgumentException(
          "a secret must decode to "
              + MIN_KEY_BYTES
              + " to "
              + MAX_KEY_BYTES
              + " bytes, this one has "
              + key.length);
    }
    return new WebhookSecret(key);
  }

  /** The HMAC key: the decoded bytes. A copy, so nobody changes the secret by accident. */
  byte[] key() {
    return Arrays.copyOf(key, key.length);
  }

  @Override
  public String toString() {
    return "WebhookSecret[<hidden>]";
  }
}
