package org.racetoplace.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusTokensTest {

  @Test
  void aTokenIs32RandomBytesInBase64UrlAndOnlyItsSha256IsKept() throws Exception {
    StatusTokens.IssuedToken issued = StatusTokens.issue();

    assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
    byte[] expected =
        MessageDigest.getInstance("SHA-256").digest(issued.token().getBytes(StandardCharsets.UTF_8));
    assertThat(issued.hash()).isEqualTo(HexFormat.of().formatHex(expected)).hasSize(64);
    assertThat(issued.toString()).doesNotContain(issued.token());
  }

  @Test
  void tokensDoNotRepeat() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      tokens.add(StatusTokens.issue().token());
    }
    assertThat(tokens).hasSize(1000);
  }

  @Test
  void onlyTheIssuedTokenMatchesItsHash() {
    StatusTokens.IssuedToken issued = StatusTokens.issue();

    assertThat(StatusTokens.matches(issued.token(), issued.hash())).isTrue();
    assertThat(StatusTokens.matches(StatusTokens.issue().token(), issued.hash())).isFalse();
    assertThat(StatusTokens.matches(issued.token().toUpperCase(), issued.hash())).isFalse();
    assertThat(StatusTokens.matches("", issued.hash())).isFalse();
    assertThat(StatusTokens.matches(null, issued.hash())).isFalse();
  }

  @Test
  void nothingMatchesWhenThereIsNoApplication() {
    assertThat(StatusTokens.matches(StatusTokens.issue().token(), null)).isFalse();
    assertThat(StatusTokens.matches(null, null)).isFalse();
    assertThat(StatusTokens.matches("", null)).isFalse();
  }
}
