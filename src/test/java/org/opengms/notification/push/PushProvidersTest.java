package org.opengms.notification.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opengms.config.ConfigurationException;
import org.opengms.config.GmsConfiguration;
import org.opengms.config.IniParser;
import org.opengms.notification.PushSettings;

/** Provider credentials as the configuration file states them; broken ones refuse the file. */
class PushProvidersTest {

  /** The test resources folder, where the test keys lie (push/...). */
  private static final Path BASE = Path.of("src/test/resources/it-gms.ini").toAbsolutePath();

  private static GmsConfiguration load(String ini) throws IOException {
    return new GmsConfiguration(IniParser.parse(BASE.toString(), new StringReader(ini)));
  }

  private static final String APPLE =
      "apple.key_file = push/AuthKey_ITKEY12345.p8\n"
          + "apple.key_id = K1\napple.team_id = T1\napple.topic = org.example.app\n";

  @Test
  void shouldReadDefaultAndNamedProvidersWithFallbackToDefault() throws IOException {
    String inlineKey =
        Files.readString(Path.of("src/test/resources/push/AuthKey_ITKEY12345.p8"))
            .replace("\n", "\\n");
    PushProviders p =
        load("[push]\npushEnabled = ios,android\n"
                + APPLE
                + "fcm.service_account_file = push/fcm-service-account.json\n"
                + "[push.provider.sales]\napple.key = "
                + inlineKey
                + "\napple.key_id = K2\napple.team_id = T1\napple.topic = org.example.sales\n"
                + "apple.url = https://127.0.0.1:9443/\n"
                + "[push.provider.sales.event]\napple.badge = 1\n"
                + "[push.provider.event.x]\napple.sound = a\n")
            .get(PushSettings.class)
            .providers();

    assertEquals("K1", p.apns(null).orElseThrow().keyId());
    assertEquals(PushProviders.APNS_PRODUCTION, p.apns(null).orElseThrow().productionUrl());
    assertEquals(PushProviders.APNS_SANDBOX, p.apns(null).orElseThrow().sandboxUrl());
    assertEquals("K2", p.apns("sales").orElseThrow().keyId());
    assertEquals(
        URI.create("https://127.0.0.1:9443"), p.apns("sales").orElseThrow().productionUrl());
    assertEquals("K1", p.apns("unknown").orElseThrow().keyId(), "falls back to [push]");
    FcmSettings fcm = p.fcm("sales").orElseThrow();
    assertEquals("opengms-it", fcm.projectId());
    assertEquals(URI.create("https://127.0.0.1:18445/token"), fcm.tokenUri());
    assertEquals(PushProviders.FCM_URL, fcm.url());
    assertFalse(fcm.toString().contains("PRIVATE"), "no key in toString");
    assertFalse(p.apns(null).orElseThrow().toString().contains("key="), "no key in toString");
  }

  @Test
  void shouldRefuseIncompleteOrBrokenCredentialsWithTheLine() {
    ConfigurationException missing =
        assertThrows(
            ConfigurationException.class,
            () -> load("[push]\napple.key_file = push/AuthKey_ITKEY12345.p8\napple.key_id = K\n"));
    assertTrue(missing.getMessage().contains("apple.team_id"), missing.getMessage());
    ConfigurationException notEc =
        assertThrows(
            ConfigurationException.class,
            () ->
                load(
                    "[push]\napple.key = bm90IGEga2V5\napple.key_id = K\napple.team_id = T\napple.topic = t\n"));
    assertTrue(notEc.getMessage().contains(":2"), notEc.getMessage());
    ConfigurationException noFile =
        assertThrows(
            ConfigurationException.class,
            () -> load("[push]\nfcm.service_account_file = push/none.json\n"));
    assertTrue(noFile.getMessage().contains("cannot read"), noFile.getMessage());
    ConfigurationException http =
        assertThrows(
            ConfigurationException.class,
            () -> load("[push]\n" + APPLE + "apple.url = http://x\n"));
    assertTrue(http.getMessage().contains("https"), http.getMessage());
  }

  @Test
  void shouldSignTheOAuthAssertionWithTheServiceAccountKey() throws IOException {
    FcmSettings fcm =
        load("[push]\nfcm.service_account_file = push/fcm-service-account.json\n")
            .get(PushSettings.class)
            .providers()
            .fcm(null)
            .orElseThrow();
    java.time.Instant now = java.time.Instant.parse("2026-11-24T12:00:00Z");
    org.opengms.testing.JwtCheck.Verified v =
        org.opengms.testing.JwtCheck.verify(
            FcmTokens.assertion(fcm, now),
            org.opengms.testing.JwtCheck.publicKey("push/fcm-service-account.pub.pem", "RSA"));
    assertEquals("RS256", v.header().get("alg"));
    assertEquals("it-key-1", v.header().get("kid"));
    assertEquals(fcm.clientEmail(), v.claims().get("iss"));
    assertEquals("https://127.0.0.1:18445/token", v.claims().get("aud"));
    assertEquals(FcmTokens.SCOPE, v.claims().get("scope"));
    assertEquals(
        3600,
        ((Number) v.claims().get("exp")).longValue()
            - ((Number) v.claims().get("iat")).longValue());
  }

  @Test
  void shouldRefuseEnabledPushTypesWithoutCredentials() {
    assertThrows(ConfigurationException.class, () -> load("[push]\npushEnabled = ios\n"));
    assertThrows(ConfigurationException.class, () -> load("[push]\npushEnabled = gcm\n"));
  }
}
