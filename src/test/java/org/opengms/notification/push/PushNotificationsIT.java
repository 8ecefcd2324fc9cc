package org.opengms.notification.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AdminView;
import org.opengms.testing.ApnsStandIn;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.FcmStandIn;
import org.opengms.testing.Http;
import org.opengms.testing.Http2StandIn;
import org.opengms.testing.ItConfigFile;
import org.opengms.testing.Json;
import org.opengms.testing.JwtCheck;

/**
 * ios, android, gcm and fcm subscriptions delivered by the WAR to APNs and FCM stand-ins (HTTP/2
 * over TLS on loopback, in this JVM). it-gms.ini names ports 18443 (APNs), 18444 (APNs sandbox) and
 * 18445 (FCM and its token endpoint); while this class runs they are replaced by the stand-ins'
 * ephemeral ports, so parallel runs never clash, and publish_timeout is raised to 30 s (the bound
 * is not what these tests are about; bench/push.sh measures speed).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PushNotificationsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  static ApnsStandIn apns;
  static FcmStandIn fcm;
  static ItConfigFile config;
  static java.util.function.UnaryOperator<String> standInConfig;

  @ArquillianResource URL base;
  Http http;
  String tag;

  @BeforeEach
  void standIns() {
    http = new Http(base);
    tag = "push." + UUID.randomUUID().toString().replace("-", "") + ".ready";
    if (apns != null) {
      apns.server().drain();
      fcm.server().drain();
      return;
    }
    apns = new ApnsStandIn();
    fcm = new FcmStandIn();
    config = new ItConfigFile();
    String apnsUrl = "https://127.0.0.1:" + apns.server().port(0);
    standInConfig =
        text ->
            text.replace("127.0.0.1:18443", "127.0.0.1:" + apns.server().port(0))
                .replace("127.0.0.1:18444", "127.0.0.1:" + apns.server().port(1))
                .replace("127.0.0.1:18445", "127.0.0.1:" + fcm.server().port(0))
                // the 1 000-device publish must not hit the bound on a loaded 2-core machine
                .replace("publish_timeout = 3000", "publish_timeout = 30000");
    config.write(standInConfig);
    Conditions.await(
        "the stand-ins' ports in force",
        Duration.ofSeconds(15),
        () -> apnsUrl.equals(AdminView.option(http, "push", "apple.url")));
  }

  @AfterAll
  static void stopStandIns() {
    if (config != null) {
      config.close();
      apns.close();
      fcm.close();
    }
  }

  private static String apnsToken() {
    byte[] token = new byte[32];
    ThreadLocalRandom.current().nextBytes(token);
    return HexFormat.of().formatHex(token);
  }

  private static String fcmToken() {
    return "fcm" + UUID.randomUUID().toString().replace("-", "") + ":APA91b-it_token";
  }

  private String subscribe(String type, String deviceId, String extra) {
    return (String)
        assertOkJson(
                http.post(
                    "1/notification/subscription",
                    "application/json",
                    "{\"subscriberId\":\"S"
                        + deviceId.substring(0, 8)
                        + "\",\"notificationDetails\":{\"type\":\""
                        + type
                        + "\",\"deviceId\":\""
                        + deviceId
                        + "\""
                        + extra))
            .get("id");
  }

  private String subscribe(String type, String deviceId) {
    return subscribe(type, deviceId, "},\"filter\":\"" + tag + "\"}");
  }

  private HttpResponse<String> publish(String message) {
    return http.post(
        "1/notification/publish",
        "application/json",
        "{\"tag\":\"" + tag + "\",\"message\":" + Json.quote(message) + "}");
  }

  private void assertPublished(String message) {
    HttpResponse<String> response = publish(message);
    assertEquals(200, response.statusCode(), response.body());
  }

  /**
   * The requests carrying this test's tag: retries that earlier runs left in the IT database's
   * outbox go to whatever endpoint is configured now, these stand-ins.
   */
  private List<Http2StandIn.Received> ofThisTest(List<Http2StandIn.Received> all) {
    return all.stream().filter(r -> r.body().contains(tag)).toList();
  }

  private Http2StandIn.Received nextOfThisTest(Http2StandIn server) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      Http2StandIn.Received r =
          server.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (r != null && r.body().contains(tag)) {
        return r;
      }
    }
    return null;
  }

  private static Map<String, Http2StandIn.Received> byDevice(List<Http2StandIn.Received> all) {
    return all.stream()
        .filter(r -> r.path().startsWith("/3/device/"))
        .collect(
            Collectors.toMap(r -> r.path().substring("/3/device/".length()), r -> r, (a, b) -> b));
  }

  @Test
  void shouldDeliverToApnsWithSignedTokenApnsHeadersAndPayload() {
    String device = apnsToken();
    subscribe("ios", device);
    String message = "{\"_id\":\"S1\",\"_action\":\"get-dialog-start-chat\"}";

    assertPublished(message);

    Http2StandIn.Received r = nextOfThisTest(apns.server());
    assertNotNull(r);
    assertEquals("POST", r.method());
    assertEquals("/3/device/" + device, r.path());
    assertEquals(apns.server().port(0), r.localPort(), "production endpoint");
    assertEquals("HTTP/2.0", r.protocol());
    assertEquals("org.opengms.itapp", r.header("apns-topic"));
    assertEquals("alert", r.header("apns-push-type"));
    assertEquals("10", r.header("apns-priority"));
    long expiration = Long.parseLong(r.header("apns-expiration"));
    assertTrue(Math.abs(expiration - (Instant.now().getEpochSecond() + 86_400)) < 300);
    UUID.fromString(r.header("apns-id"));
    JwtCheck.Verified jwt =
        JwtCheck.verify(r.header("authorization").substring("bearer ".length()), apns.key());
    assertNotNull(jwt, "ES256 signature verifies");
    assertEquals("ES256", jwt.header().get("alg"));
    assertEquals(ApnsStandIn.KEY_ID, jwt.header().get("kid"));
    assertEquals(ApnsStandIn.TEAM_ID, jwt.claims().get("iss"));
    long iat = ((Number) jwt.claims().get("iat")).longValue();
    assertTrue(Math.abs(iat - Instant.now().getEpochSecond()) < 3600);

    Map<String, Object> payload = Json.object(r.body());
    @SuppressWarnings("unchecked")
    Map<String, Object> aps = (Map<String, Object>) payload.get("aps");
    assertEquals(Map.of("body", message), aps.get("alert"));
    assertEquals(9, ((Number) aps.get("badge")).intValue(), "[push.provider.event.push]");
    assertEquals("bingbong.aiff", aps.get("sound"));
    assertEquals(message, payload.get("message"));
    assertEquals(tag, payload.get("tag"));
  }

  @Test
  void shouldUseSandboxForDebugSubscriptionsAndTheNamedProvidersCredentials() {
    String device = apnsToken();
    subscribe(
        "ios",
        device,
        ",\"properties\":{\"debug\":\"true\"}},\"providerName\":\"salesapp\",\"filter\":\""
            + tag
            + "\"}");

    assertPublished("hello");

    Http2StandIn.Received r = nextOfThisTest(apns.server());
    assertNotNull(r);
    assertEquals(apns.server().port(1), r.localPort(), "sandbox endpoint");
    assertEquals("org.opengms.salesapp", r.header("apns-topic"));
    @SuppressWarnings("unchecked")
    Map<String, Object> aps = (Map<String, Object>) Json.object(r.body()).get("aps");
    assertEquals(3, ((Number) aps.get("badge")).intValue(), "[push.provider.salesapp.event.push]");
    assertEquals("bingbong.aiff", aps.get("sound"), "[push.provider.event.push]");
  }

  @Test
  void shouldDeactivateSubscriptionsOfDeviceTokensApnsCallsDead() {
    String unregistered = apnsToken();
    String bad = apnsToken();
    String healthy = apnsToken();
    apns.stub(unregistered, 410, "Unregistered", 100);
    apns.stub(bad, 400, "BadDeviceToken", 100);
    subscribe("ios", unregistered);
    subscribe("ios", bad);
    subscribe("ios", healthy);

    assertError(publish("first"), 503, "GmsException");
    assertEquals(
        Set.of(unregistered, bad, healthy), byDevice(ofThisTest(apns.server().drain())).keySet());

    assertPublished("second");
    Set<String> second = new java.util.HashSet<>(byDevice(apns.server().drain()).keySet());
    second.retainAll(Set.of(unregistered, bad, healthy));
    assertEquals(Set.of(healthy), second);
  }

  @Test
  void shouldRetryApns429And503FromTheOutboxWithTheSameApnsId() {
    String throttled = apnsToken();
    String unavailable = apnsToken();
    apns.stub(throttled, 429, "TooManyRequests", 1);
    apns.stub(unavailable, 503, "ServiceUnavailable", 2);
    subscribe("ios", throttled);
    subscribe("ios", unavailable);

    assertError(publish("retry me"), 503, "GmsException");

    List<Http2StandIn.Received> seen = new ArrayList<>(ofThisTest(apns.server().drain()));
    Conditions.await(
        "1 + 1 attempts to the throttled token, 2 + 1 to the unavailable one",
        Duration.ofSeconds(20),
        () -> {
          seen.addAll(ofThisTest(apns.server().drain()));
          return seen.size() >= 5;
        });
    Map<String, List<String>> ids =
        seen.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.path().substring("/3/device/".length()),
                    Collectors.mapping(r -> r.header("apns-id"), Collectors.toList())));
    assertEquals(2, ids.get(throttled).size());
    assertEquals(3, ids.get(unavailable).size());
    assertEquals(1, Set.copyOf(ids.get(throttled)).size(), "same apns-id on retries");
    assertEquals(1, Set.copyOf(ids.get(unavailable)).size(), "same apns-id on retries");
  }

  @Test
  void shouldRefusePayloadsOverTheNetworkLimitsAndSendNothing() {
    subscribe("ios", apnsToken());
    subscribe("android", fcmToken());

    assertError(publish("x".repeat(4000)), 400, "InvalidRequestException");
    // (the payloads carry the tag; retries that earlier runs left in the IT database do not)
    assertTrue(apns.server().drain().stream().noneMatch(r -> r.body().contains(tag)));
    assertTrue(fcm.server().drain().stream().noneMatch(r -> r.body().contains(tag)));
  }

  @Test
  void shouldRefuseSubscriptionsPushCannotServe() {
    assertError(
        http.post(
            "1/notification/subscription",
            "application/json",
            "{\"subscriberId\":\"B\",\"filter\":\"a\",\"notificationDetails\":"
                + "{\"type\":\"ios\",\"deviceId\":\"not-hex\"}}"),
        400,
        "InvalidRequestException");
    assertError(
        http.post(
            "1/notification/subscription",
            "application/json",
            "{\"subscriberId\":\"B\",\"filter\":\"a\",\"notificationDetails\":"
                + "{\"type\":\"android\",\"deviceId\":\"a b\"}}"),
        400,
        "InvalidRequestException");
  }

  @Test
  void shouldDeliverAndroidGcmAndFcmThroughFcmV1WithOneCachedAccessToken() {
    String android = fcmToken();
    String gcm = fcmToken();
    String fcmDevice = fcmToken();
    subscribe("android", android);
    subscribe("gcm", gcm);
    subscribe("fcm", fcmDevice);

    assertPublished("{\"_id\":\"S2\"}");
    assertPublished("again");

    List<Http2StandIn.Received> sends = ofThisTest(sends(fcm.server().drain()));
    assertEquals(6, sends.size());
    assertEquals(1, fcm.tokenRequests(), "one access token, cached");
    Http2StandIn.Received first =
        sends.stream().filter(r -> r.body().contains("S2")).findFirst().orElseThrow();
    assertEquals("HTTP/2.0", first.protocol());
    assertTrue(first.header("authorization").startsWith("Bearer ya29.it-"));
    @SuppressWarnings("unchecked")
    Map<String, Object> message = (Map<String, Object>) Json.object(first.body()).get("message");
    assertEquals(Map.of("message", "{\"_id\":\"S2\"}", "tag", tag), message.get("data"));
    assertEquals(
        Map.of("title", "GMS", "body", "{\"_id\":\"S2\"}"),
        message.get("notification"),
        "fcm.title from [push.provider.event.push]");
    @SuppressWarnings("unchecked")
    Map<String, Object> androidConfig = (Map<String, Object>) message.get("android");
    assertEquals("600s", androidConfig.get("ttl"));
    assertEquals("HIGH", androidConfig.get("priority"));
    assertEquals(
        Set.of(android, gcm, fcmDevice),
        sends.stream()
            .map(r -> ((Map<?, ?>) Json.object(r.body()).get("message")).get("token"))
            .collect(Collectors.toSet()));
  }

  @Test
  void shouldDeactivateFcmTokensThatAreUnregisteredOrInvalidAndRetry503() {
    String unregistered = fcmToken();
    String invalid = fcmToken();
    String unavailable = fcmToken();
    fcm.stub(
        unregistered,
        404,
        FcmStandIn.error(404, "NOT_FOUND", "Requested entity was not found.", "UNREGISTERED"),
        100);
    fcm.stub(
        invalid,
        400,
        FcmStandIn.error(
            400,
            "INVALID_ARGUMENT",
            "The registration token is not a valid FCM registration token",
            "INVALID_ARGUMENT"),
        100);
    fcm.stub(unavailable, 503, FcmStandIn.error(503, "UNAVAILABLE", "try later", null), 1);
    subscribe("android", unregistered);
    subscribe("gcm", invalid);
    subscribe("fcm", unavailable);

    assertError(publish("first"), 503, "GmsException");
    List<Http2StandIn.Received> seen = new ArrayList<>(ofThisTest(sends(fcm.server().drain())));
    Conditions.await(
        "the 503 retried from the outbox",
        Duration.ofSeconds(20),
        () -> {
          seen.addAll(ofThisTest(sends(fcm.server().drain())));
          return seen.size() >= 4;
        });
    assertEquals(2, seen.stream().filter(r -> r.body().contains(unavailable)).count());

    assertPublished("second");
    List<Http2StandIn.Received> second = ofThisTest(sends(fcm.server().drain()));
    assertEquals(1, second.size());
    assertTrue(second.get(0).body().contains(unavailable));
  }

  private static List<Http2StandIn.Received> sends(List<Http2StandIn.Received> all) {
    return all.stream().filter(r -> r.path().equals(FcmStandIn.SEND_PATH)).toList();
  }

  @Test
  void shouldCarryAThousandIosDeliveriesOnOneHttp2Connection() {
    for (int i = 0; i < 1000; i++) {
      // short-lived: the IT database outlives this run
      subscribe("ios", apnsToken(), "},\"filter\":\"" + tag + "\",\"expire\":300}");
    }
    int connectionsBefore = apns.server().connectionsOpened();

    long start = System.nanoTime();
    assertPublished("to a thousand phones");
    System.out.printf(
        "1000 ios deliveries in one publish: %d ms%n", (System.nanoTime() - start) / 1_000_000);

    List<Http2StandIn.Received> received = ofThisTest(apns.server().drain());
    assertEquals(1000, received.size());
    assertEquals(
        1,
        received.stream().map(Http2StandIn.Received::connection).distinct().count(),
        "all streams on one connection");
    assertTrue(apns.server().connectionsOpened() - connectionsBefore <= 1);
  }

  @Test
  void shouldAnswer404ForPushTypesNotEnabled() {
    String all = "comet,httpcb,orscb,ios,android,gcm,fcm";
    try {
      config.write(
          text ->
              standInConfig
                  .apply(text)
                  .replace("pushEnabled = " + all, "pushEnabled = comet,httpcb,orscb,android"));
      Conditions.await(
          "ios, gcm and fcm disabled",
          Duration.ofSeconds(15),
          () -> "comet,httpcb,orscb,android".equals(AdminView.option(http, "push", "pushEnabled")));
      for (String type : List.of("ios", "gcm")) {
        assertError(
            http.post(
                "1/notification/subscription",
                "application/json",
                "{\"subscriberId\":\"B\",\"filter\":\"a\",\"notificationDetails\":{\"type\":\""
                    + type
                    + "\",\"deviceId\":\""
                    + apnsToken()
                    + "\"}}"),
            404,
            "ResourceNotFoundException");
      }
    } finally {
      config.write(standInConfig);
      Conditions.await(
          "every push type enabled again",
          Duration.ofSeconds(15),
          () -> all.equals(AdminView.option(http, "push", "pushEnabled")));
    }
  }

  @Test
  void shouldMaskPushSecretsInTheAdminView() {
    assertEquals("********", AdminView.option(http, "push.provider.salesapp", "apple.key"));
    assertEquals("********", AdminView.option(http, "push", "apple.trust_store_password"));
    assertEquals("ITKEY12345", AdminView.option(http, "push", "apple.key_id"));
    assertFalse(AdminView.option(http, "push", "fcm.service_account_file").contains("*"));
  }
}
