package org.opengms.notification.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.opengms.testing.JwtCheck;

/** Provider tokens: ES256 in JOSE form, reused, refreshed within Apple's 20-60 minute window. */
class ApnsTokensTest {

  private Instant now = Instant.parse("2026-11-24T12:00:00Z");
  private final ApnsTokens tokens =
      new ApnsTokens(
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now;
            }
          });

  private static ApnsSettings settings() throws IOException {
    return new ApnsSettings(
        "ITKEY12345",
        "ITTEAM0001",
        "org.example",
        Keys.ec(Files.readString(Path.of("src/test/resources/push/AuthKey_ITKEY12345.p8"))),
        URI.create("https://a"),
        URI.create("https://b"),
        TlsSettings.DEFAULT);
  }

  @Test
  void shouldSignVerifiableEs256TokensWithKidIssAndIat() throws IOException {
    String jwt = tokens.token(settings());
    JwtCheck.Verified v =
        JwtCheck.verify(jwt, JwtCheck.publicKey("push/AuthKey_ITKEY12345.pub.pem", "EC"));
    assertNotNull(v, "verifies after DER re-encoding of R||S");
    assertEquals("ITKEY12345", v.header().get("kid"));
    assertEquals("ITTEAM0001", v.claims().get("iss"));
    assertEquals(now.getEpochSecond(), ((Number) v.claims().get("iat")).longValue());
  }

  @Test
  void shouldReuseTokenUntil45MinutesAndRefreshOnExpiryOnlyAfter20() throws IOException {
    ApnsSettings apns = settings();
    String first = tokens.token(apns);
    now = now.plus(Duration.ofMinutes(10));
    assertEquals(first, tokens.token(apns));
    tokens.expired(apns, first);
    assertEquals(first, tokens.token(apns), "younger than 20 minutes: kept");
    now = now.plus(Duration.ofMinutes(11));
    tokens.expired(apns, first);
    String second = tokens.token(apns);
    assertNotEquals(first, second, "expired and older than 20 minutes: replaced");
    now = now.plus(Duration.ofMinutes(44));
    assertEquals(second, tokens.token(apns));
    now = now.plus(Duration.ofMinutes(1));
    assertNotEquals(second, tokens.token(apns), "45 minutes old: replaced");
  }
}
