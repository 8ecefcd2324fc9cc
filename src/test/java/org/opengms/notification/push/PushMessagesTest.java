package org.opengms.notification.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengms.notification.DeliveryResult.Outcome;
import org.opengms.testing.FcmStandIn;
import org.opengms.testing.Json;

/** Payloads from message and OS attributes, and what the networks' answers mean. */
class PushMessagesTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void shouldBuildApnsAlertFromAttributes() {
    ApnsMessage m =
        ApnsMessage.of(
            "hi",
            "a.b",
            Map.of(
                "apple.badge", "9",
                "apple.sound", "bingbong.aiff",
                "apple.alertMessage.title", "GMS",
                "apple.alertMessage.loc-args", "a, b",
                "apple.expiration", "60",
                "apple.collapse_id", "c1"),
            "org.example",
            NOW);
    Map<String, Object> payload = Json.object(m.payload());
    assertEquals(
        Map.of(
            "alert", Map.of("title", "GMS", "body", "hi", "loc-args", List.of("a", "b")),
            "badge", java.math.BigDecimal.valueOf(9),
            "sound", "bingbong.aiff"),
        payload.get("aps"));
    assertEquals("hi", payload.get("message"));
    assertEquals("a.b", payload.get("tag"));
    assertEquals("org.example", m.headers().get("apns-topic"));
    assertEquals("alert", m.headers().get("apns-push-type"));
    assertEquals("10", m.headers().get("apns-priority"));
    assertEquals(Long.toString(NOW.getEpochSecond() + 60), m.headers().get("apns-expiration"));
    assertEquals("c1", m.headers().get("apns-collapse-id"));
  }

  @Test
  void shouldBuildApnsBackgroundPushWithoutAlert() {
    ApnsMessage m =
        ApnsMessage.of(
            "hi", "a", Map.of("apple.push_type", "background", "apple.expiration", "0"), "t", NOW);
    assertEquals(
        Map.of("content-available", java.math.BigDecimal.ONE), Json.object(m.payload()).get("aps"));
    assertEquals("5", m.headers().get("apns-priority"));
    assertEquals("0", m.headers().get("apns-expiration"));
  }

  @Test
  void shouldBuildFcmDataMessageAndNotificationOnlyWhenTitled() {
    FcmMessage plain = FcmMessage.of("tok", "hi", "a", Map.of());
    Map<?, ?> message = (Map<?, ?>) Json.object(plain.body()).get("message");
    assertEquals("tok", message.get("token"));
    assertEquals(Map.of("message", "hi", "tag", "a"), message.get("data"));
    assertFalse(message.containsKey("notification"));

    FcmMessage titled =
        FcmMessage.of(
            "tok", "hi", "a", Map.of("gcm.title", "T", "fcm.priority", "normal", "fcm.sound", "s"));
    Map<?, ?> m2 = (Map<?, ?>) Json.object(titled.body()).get("message");
    assertEquals(Map.of("title", "T", "body", "hi"), m2.get("notification"));
    assertEquals(
        Map.of("priority", "NORMAL", "notification", Map.of("sound", "s")), m2.get("android"));
    assertTrue(titled.payloadBytes() > plain.payloadBytes());
  }

  @Test
  void shouldClassifyFcmAnswers() {
    assertEquals(
        Outcome.DELIVERED, FcmChannel.outcome(new PushHttp.Answer(200, "{}", null)).outcome());
    assertEquals(
        Outcome.DEVICE_GONE,
        FcmChannel.outcome(
                new PushHttp.Answer(
                    404, FcmStandIn.error(404, "NOT_FOUND", "x", "UNREGISTERED"), null))
            .outcome());
    assertEquals(
        Outcome.DEVICE_GONE,
        FcmChannel.outcome(
                new PushHttp.Answer(
                    400,
                    FcmStandIn.error(400, "INVALID_ARGUMENT", "bad", "INVALID_ARGUMENT"),
                    null))
            .outcome());
    assertEquals(
        Outcome.REJECTED,
        FcmChannel.outcome(
                new PushHttp.Answer(
                    400, FcmStandIn.error(400, "INVALID_ARGUMENT", "bad ttl", null), null))
            .outcome(),
        "INVALID_ARGUMENT about something else than the token");
    assertEquals(Outcome.FAILED, FcmChannel.outcome(new PushHttp.Answer(429, "", null)).outcome());
    assertEquals(Outcome.FAILED, FcmChannel.outcome(new PushHttp.Answer(503, "", null)).outcome());
    assertEquals(
        Outcome.FAILED, FcmChannel.outcome(new PushHttp.Answer(0, null, "refused")).outcome());
  }
}
