package org.racetoplace.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a candidate uses to follow and withdraw their application: 32 random bytes,
 * base64url without padding (43 characters), shown once in the answer to the submission.
 *
 * <p>Only the SHA-256 of the token is stored. A plain hash is enough here (no salt, no slow
 * hash): the token has 256 bits of entropy, so there is nothing to guess from a leaked hash, and
 * the status endpoint stays cheap. Comparison is in constant time.
 */
public final class StatusTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 32;
  private static final HexFormat HEX = HexFormat.of();

  /** Compared against when there is no application, so a miss costs the same as a wrong token. */
  private static final String NO_MATCH = hash("no application has this token");

  private StatusTokens() {}

  /** A new token and the hash to store. */
  public static IssuedToken issue() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new IssuedToken(token, hash(token));
  }

  /** Hex SHA-256 of the token's UTF-8 bytes. */
  public static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Whether the presented token is the one whose hash is stored. {@code storedHash} may be null
   * (no such application): the comparison still runs, against a hash nothing matches.
   */
  public static boolean matches(String presentedToken, String storedHash) {
    String expected = storedHash == null ? NO_MATCH : storedHash;
    String presented = hash(presentedToken == null ? "" : presentedToken);
    boolean equal =
        MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.US_ASCII),
            expected.getBytes(StandardCharsets.US_ASCII));
    return equal && storedHash != null && presentedToken != null;
  }

  /** The token goes to the candidate; only the hash is kept. */
  public record IssuedToken(String token, String hash) {
    @Override
    public String toString() {
      return "IssuedToken[hash=" + hash + "]";
    }
  }
}
