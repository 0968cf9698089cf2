package org.racetoplace.assessment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.racetoplace.assessment.provider.ProviderWebhookProperties.Provider;
import org.racetoplace.assessment.provider.WebhookSignatureVerifier.VerifiedDelivery;
import org.racetoplace.assessment.provider.WebhookVerificationException.Reason;

class WebhookSignatureVerifierTest {

  // Known answer, computed outside Java with
  //   KEYHEX=000102…1f (the bytes 0 to 31)
  //   printf '%s' 'msg_kat_0001.1767225600.{"type":…}' \
  //     | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEYHEX -binary | base64
  private static final String KAT_SECRET = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final String KAT_ID = "msg_kat_0001";
  private static final long KAT_TIMESTAMP = 1_767_225_600L; // 2026-01-01T00:00:00Z
  private static final String KAT_BODY =
      "{\"type\":\"assessment.completed\",\"data\":{\"applicationReference\":\"BHM-001042\"}}";
  private static final String KAT_SIGNATURE = "v1,AeM1uO2tlIvtEemELeJa2KLYbPAGYBq/n6g3eLmYk1o=";

  // The example of the Standard Webhooks reference libraries' tests (body with a space in it),
  // recomputed with openssl the same way: a provider using those libraries signs like this.
  private static final String REFERENCE_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String REFERENCE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long REFERENCE_TIMESTAMP = 1_614_265_330L;
  private static final String REFERENCE_BODY = "{\"test\": 2432232314}";
  private static final String REFERENCE_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  private static final String OLD_SECRET = "whsec_" + base64("old-key-of-the-provider-0123456789");
  private static final String NEW_SECRET = "whsec_" + base64("new-key-of-the-provider-9876543210");
  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static WebhookSignatureVerifier verifier(Map<String, Provider> providers, long nowEpochSecond) {
    return new WebhookSignatureVerifier(
        providers, TOLERANCE, Clock.fixed(Instant.ofEpochSecond(nowEpochSecond), ZoneOffset.UTC));
  }

  private static WebhookSignatureVerifier katVerifier(long now) {
    return verifier(Map.of("kat", new Provider(KAT_SECRET)), now);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Reason refusal(Runnable verification) {
    try {
      verification.run();
    } catch (WebhookVerificationException e) {
      assertThat(e.getStatusCode().value()).isEqualTo(401);
      return e.getReason();
    }
    throw new AssertionError("the delivery was accepted");
  }

  // --- good signatures ---------------------------------------------------------------------

  @Test
  void acceptsTheKnownAnswerComputedWithOpenssl() {
    VerifiedDelivery delivery =
        katVerifier(KAT_TIMESTAMP)
            .verify("kat", KAT_ID, Long.toString(KAT_TIMESTAMP), KAT_SIGNATURE, bytes(KAT_BODY));

    assertThat(delivery)
        .isEqualTo(new VerifiedDelivery("kat", KAT_ID, Instant.parse("2026-01-01T00:00:00Z")));
  }

  @Test
  void theTestSignerAgreesWithOpenssl() {
    assertThat(WebhookSigner.sign(KAT_SECRET, KAT_ID, KAT_TIMESTAMP, KAT_BODY)).isEqualTo(KAT_SIGNATURE);
    assertThat(WebhookSigner.sign(REFERENCE_SECRET, REFERENCE_ID, REFERENCE_TIMESTAMP, REFERENCE_BODY))
        .isEqualTo(REFERENCE_SIGNATURE);
  }

  @Test
  void acceptsWhatTheReferenceLibrariesSign() {
    WebhookSignatureVerifier verifier =
        verifier(Map.of("reference", new Provider(REFERENCE_SECRET)), REFERENCE_TIMESTAMP + 10);

    assertThat(
            verifier.verify(
                "reference",
                REFERENCE_ID,
                Long.toString(REFERENCE_TIMESTAMP),
                REFERENCE_SIGNATURE,
                bytes(REFERENCE_BODY)))
        .isNotNull();
  }

  @Test
  void anyValidSignatureAmongSeveralIsEnough() {
    String other = WebhookSigner.sign(OLD_SECRET, KAT_ID, KAT_TIMESTAMP, KAT_BODY);
    WebhookSignatureVerifier verifier = katVerifier(KAT_TIMESTAMP);

    // the provider rotating its key signs with the old and the new one; ours is second
    assertThat(verifier.verify("kat", KAT_ID, "1767225600", other + " " + KAT_SIGNATURE, bytes(KAT_BODY)))
        .isNotNull();
    // an asymmetric signature we do not check, extra spaces, and ours last
    assertThat(
            verifier.verify(
                "kat",
                KAT_ID,
                "1767225600",
                "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw==  v1,not-base64! " + KAT_SIGNATURE,
                bytes(KAT_BODY)))
        .isNotNull();
  }

  @Test
  void eitherOfTwoConfiguredSecretsVerifies() {
    WebhookSignatureVerifier verifier =
        verifier(Map.of("rotating", new Provider(OLD_SECRET + " " + NEW_SECRET)), KAT_TIMESTAMP);

    for (String secret : new String[] {OLD_SECRET, NEW_SECRET}) {
      String signature = WebhookSigner.sign(secret, KAT_ID, KAT_TIMESTAMP, KAT_BODY);
      assertThat(verifier.verify("rotating", KAT_ID, "1767225600", signature, bytes(KAT_BODY))).isNotNull();
    }
    assertThat(
            refusal(() -> verifier.verify("rotating", KAT_ID, "1767225600", KAT_SIGNATURE, bytes(KAT_BODY))))
        .isEqualTo(Reason.NO_VALID_SIGNATURE);
  }

  @Test
  void timestampsJustWithinTheToleranceAreAccepted() {
    assertThat(
            katVerifier(KAT_TIMESTAMP + 300)
                .verify("kat", KAT_ID, "1767225600", KAT_SIGNATURE, bytes(KAT_BODY)))
        .isNotNull();
    assertThat(
            katVerifier(KAT_TIMESTAMP - 300)
                .verify("kat", KAT_ID, "1767225600", KAT_SIGNATURE, bytes(KAT_BODY)))
        .isNotNull();
  }

  // --- refusals ----------------------------------------------------------------------------

  @Test
  void aChangedBodyIdOrTimestampBreaksTheSignature() {
    WebhookSignatureVerifier verifier = katVerifier(KAT_TIMESTAMP);

    assertThat(
            refusal(
                () ->
                    verifier.verify(
                        "kat", KAT_ID, "1767225600", KAT_SIGNATURE, bytes(KAT_BODY.replace("042", "043")))))
        .isEqualTo(Reason.NO_VALID_SIGNATURE);
    assertThat(refusal(() -> verifier.verify("kat", "msg_kat_0002", "1767225600", KAT_SIGNATURE, bytes(KAT_BODY))))
        .isEqualTo(Reason.NO_VALID_SIGNATURE);
    assertThat(refusal(() -> verifier.verify("kat", KAT_ID, "1767225601", KAT_SIGNATURE, bytes(KAT_BODY))))
        .isEqualTo(Reason.NO_VALID_SIGNATURE);
    // reformatting the JSON changes the bytes: the signature is over the raw body
    assertThat(
            refusal(
                () ->
                    verifier.verify(
                        "kat", KAT_ID, "1767225600", KAT_SIGNATURE, bytes(KAT_BODY.replace(":", ": ")))))
        .isEqualTo(Reason.NO_VALID_SIGNATURE);
  }

  @Test
  void aSignatureWithAnotherSecretIsRefused() {
    String wrong = WebhookSigner.sign(NEW_SECRET, KAT_ID, KAT_TIMESTAMP, KAT_BODY);

    assertThat(refusal(() -> katVerifier(KAT_TIMESTAMP).verify("kat", KAT_ID, "1767225600", wrong, bytes(KAT_BODY))))
        .isEqualTo(Reason.NO_VALID_SIGNATURE);
  }

  @Test
  void staleAndFutureTimestampsAreRefusedEvenWithAValidSignature() {
    assertThat(
            refusal(
                () ->
                    katVerifier(KAT_TIMESTAMP + 301)
                        .verify("kat", KAT_ID, "1767225600", KAT_SIGNATURE, bytes(KAT_BODY))))
        .isEqualTo(Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    assertThat(
            refusal(
                () ->
                    katVerifier(KAT_TIMESTAMP - 301)
                        .verify("kat", KAT_ID, "1767225600", KAT_SIGNATURE, bytes(KAT_BODY))))
        .isEqualTo(Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void anUnknownProviderIsAnsweredLikeAWrongSignature() {
    WebhookSignatureVerifier verifier = katVerifier(KAT_TIMESTAMP);
    String wrong = WebhookSigner.sign(NEW_SECRET, KAT_ID, KAT_TIMESTAMP, KAT_BODY);

    WebhookVerificationException unknown =
        catchVerification(() -> verifier.verify("nobody", KAT_ID, "1767225600", KAT_SIGNATURE, bytes(KAT_BODY)));
    WebhookVerificationException badSignature =
        catchVerification(() -> verifier.verify("kat", KAT_ID, "1767225600", wrong, bytes(KAT_BODY)));

    assertThat(unknown.getReason()).isEqualTo(Reason.NO_VALID_SIGNATURE);
    assertThat(unknown.getBody()).isEqualTo(badSignature.getBody());
  }

  private static WebhookVerificationException catchVerification(Runnable verification) {
    try {
      verification.run();
    } catch (WebhookVerificationException e) {
      return e;
    }
    throw new AssertionError("the delivery was accepted");
  }

  @Test
  void missingHeadersAreRefused() {
    WebhookSignatureVerifier verifier = katVerifier(KAT_TIMESTAMP);
    byte[] body = bytes(KAT_BODY);

    assertThat(refusal(() -> verifier.verify("kat", null, "1767225600", KAT_SIGNATURE, body)))
        .isEqualTo(Reason.MISSING_HEADER);
    assertThat(refusal(() -> verifier.verify("kat", KAT_ID, null, KAT_SIGNATURE, body)))
        .isEqualTo(Reason.MISSING_HEADER);
    assertThat(refusal(() -> verifier.verify("kat", KAT_ID, "1767225600", null, body)))
        .isEqualTo(Reason.MISSING_HEADER);
    assertThat(refusal(() -> verifier.verify("kat", KAT_ID, "1767225600", "   ", body)))
        .isEqualTo(Reason.MISSING_HEADER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1767225600.0", "-1767225600", "2026-01-01T00:00:00Z", "0x69558E00", "1767225600000000"})
  void aTimestampThatIsNotUnixSecondsIsMalformed(String timestamp) {
    assertThat(refusal(() -> katVerifier(KAT_TIMESTAMP).verify("kat", KAT_ID, timestamp, KAT_SIGNATURE, bytes(KAT_BODY))))
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"msg.1", "msg 1", "msg\t1", "msg_é"})
  void anIdWithDotsSpacesOrNonAsciiIsMalformed(String id) {
    assertThat(refusal(() -> katVerifier(KAT_TIMESTAMP).verify("kat", id, "1767225600", KAT_SIGNATURE, bytes(KAT_BODY))))
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void anOverlongIdIsMalformed() {
    String id = "m".repeat(WebhookSignatureVerifier.MAX_ID_LENGTH + 1);

    assertThat(refusal(() -> katVerifier(KAT_TIMESTAMP).verify("kat", id, "1767225600", KAT_SIGNATURE, bytes(KAT_BODY))))
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void signatureEntriesWithoutASchemeAreMalformed() {
    String bare = KAT_SIGNATURE.substring("v1,".length());

    assertThat(refusal(() -> katVerifier(KAT_TIMESTAMP).verify("kat", KAT_ID, "1767225600", bare, bytes(KAT_BODY))))
        .isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(
            refusal(
                () -> katVerifier(KAT_TIMESTAMP).verify("kat", KAT_ID, "1767225600", "," + bare, bytes(KAT_BODY))))
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void onlyV1SignaturesCount() {
    String sameValueOtherScheme = "v2," + KAT_SIGNATURE.substring("v1,".length());

    assertThat(
            refusal(
                () ->
                    katVerifier(KAT_TIMESTAMP)
                        .verify("kat", KAT_ID, "1767225600", sameValueOtherScheme, bytes(KAT_BODY))))
        .isEqualTo(Reason.NO_VALID_SIGNATURE);
  }

  @Test
  void aTruncatedSignatureDoesNotMatch() {
    String truncated = KAT_SIGNATURE.substring(0, KAT_SIGNATURE.length() - 8);

    assertThat(
            refusal(() -> katVerifier(KAT_TIMESTAMP).verify("kat", KAT_ID, "1767225600", truncated, bytes(KAT_BODY))))
        .isEqualTo(Reason.NO_VALID_SIGNATURE);
  }

  // --- secrets and configuration -----------------------------------------------------------

  @Test
  void whsecSecretsDecodeToTheKeyBytes() {
    byte[] expected = new byte[32];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = (byte) i;
    }
    assertThat(WebhookSecret.parse(KAT_SECRET).key()).isEqualTo(expected);
    // padding is optional
    assertThat(WebhookSecret.parse(KAT_SECRET.replace("=", "")).key()).isEqualTo(expected);
    assertThat(WebhookSecret.parse(REFERENCE_SECRET).key()).hasSize(24);
    assertThat(WebhookSecret.parse(KAT_SECRET)).hasToString("WebhookSecret[<hidden>]");
  }

  @Test
  void secretsThatAreNotWhsecBase64Of24To64BytesAreRefused() {
    assertThatThrownBy(() -> WebhookSecret.parse(KAT_SECRET.substring("whsec_".length())))
        .hasMessageContaining("must start with whsec_");
    assertThatThrownBy(() -> WebhookSecret.parse("whsec_not base64!"))
        .hasMessageContaining("followed by base64");
    assertThatThrownBy(() -> WebhookSecret.parse("whsec_" + base64("23 bytes are too short.")))
        .hasMessageContaining("24 to 64 bytes, this one has 23");
    assertThatThrownBy(() -> WebhookSecret.parse("whsec_" + base64("x".repeat(65))))
        .hasMessageContaining("this one has 65");
    assertThat(WebhookSecret.parse("whsec_" + base64("x".repeat(64))).key()).hasSize(64);
  }

  @Test
  void aBadSecretStopsStartUpNamingTheKeyButNotTheSecret() {
    String typo = NEW_SECRET.substring(0, 20) + "!" + NEW_SECRET.substring(21);

    assertThatThrownBy(() -> verifier(Map.of("acme", new Provider(OLD_SECRET + " " + typo)), 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("hiring.assessment.providers.acme.secret (secret 2 of 2)")
        .hasMessageNotContaining(typo)
        .hasMessageNotContaining(OLD_SECRET);
    assertThatThrownBy(() -> verifier(Map.of("acme", new Provider("  ")), 0))
        .hasMessage("hiring.assessment.providers.acme.secret is not set");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Acme", "acme_tests", "-acme", "acme-", "ac..me"})
  void providerNamesAreLowerCaseWordsJoinedByDashes(String name) {
    assertThatThrownBy(() -> verifier(Map.of(name, new Provider(KAT_SECRET)), 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'" + name + "'");
  }

  @Test
  void namesTheConfiguredProviders() {
    WebhookSignatureVerifier verifier =
        verifier(Map.of("zeta", new Provider(KAT_SECRET), "alpha-tests", new Provider(OLD_SECRET)), 0);

    assertThat(verifier.providerNames()).containsExactly("alpha-tests", "zeta");
  }
}
