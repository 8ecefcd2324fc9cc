package org.opengms.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.CallbackReceiver;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

/**
 * The Notification API with httpcb delivered to real HTTP servers on loopback (it-gms.ini allows
 * 127.0.0.1 and signs with "it-secret"; 127.0.0.2 is not allowed).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  String tagRoot;

  @BeforeEach
  void client() {
    http = new Http(base);
    tagRoot = "it" + UUID.randomUUID().toString().replace("-", "");
  }

  private HttpResponse<String> postJson(String path, String json) {
    return http.post(path, "application/json", json);
  }

  private String subscribeHttpcb(String subscriber, String url, String filter, String extra) {
    HttpResponse<String> r =
        postJson(
            "1/notification/subscription",
            "{\"subscriberId\":\""
                + subscriber
                + "\",\"filter\":\""
                + filter
                + "\","
                + "\"notificationDetails\":{\"type\":\"httpcb\",\"deviceId\":\""
                + url
                + "\"}"
                + extra
                + "}");
    return (String) assertOkJson(r).get("id");
  }

  private HttpResponse<String> publish(String tag, String message) {
    return postJson(
        "1/notification/publish", "{\"tag\":\"" + tag + "\",\"message\":\"" + message + "\"}");
  }

  @Test
  void shouldDeliverSignedCallbackToMatchingSubscriptionsOnly() throws Exception {
    try (CallbackReceiver receiver = new CallbackReceiver("127.0.0.1")) {
      subscribeHttpcb(
          "A1",
          receiver.url() + "/cb/all",
          tagRoot + ".*",
          ",\"authorization\":\"Basic ZGVtbzo=\"");
      subscribeHttpcb("A2", receiver.url() + "/cb/other", tagRoot + ".other.*", "");

      HttpResponse<String> published =
          publish(tagRoot + ".agent123.available", "hello \\\"there\\\"");

      assertEquals(200, published.statusCode(), published.body());
      CallbackReceiver.Received got = receiver.next(Duration.ofSeconds(5));
      assertNotNull(got);
      assertEquals("POST", got.method());
      assertEquals("/cb/all", got.path());
      assertEquals("hello \"there\"", got.body());
      assertEquals("Basic ZGVtbzo=", got.header("Authorization"));
      assertEquals(tagRoot + ".agent123.available", got.header("X-GMS-Tag"));
      assertTrue(got.header("X-GMS-Event-Id").matches("[0-9a-f-]{36}"));
      String timestamp = got.header("X-GMS-Timestamp");
      assertEquals(
          "sha256=" + hmac("it-secret", timestamp + "." + got.body()),
          got.header("X-GMS-Signature"));
      assertNull(
          receiver.next(Duration.ofMillis(300)), "the non-matching subscription got nothing");
    }
  }

  @Test
  void shouldAnswer503AndRetryFromOutboxUntilReceiverRecovers() {
    try (CallbackReceiver receiver = new CallbackReceiver("127.0.0.1")) {
      subscribeHttpcb("R1", receiver.url() + "/flaky", tagRoot, "");
      receiver.answer(500);

      HttpResponse<String> published = publish(tagRoot, "retry me");

      assertError(published, 503, "GmsException");
      CallbackReceiver.Received first = receiver.next(Duration.ofSeconds(5));
      assertNotNull(first);
      receiver.answer(200);
      CallbackReceiver.Received retried = receiver.next(Duration.ofSeconds(15));
      assertNotNull(retried, "the outbox retried");
      assertEquals("retry me", retried.body());
      assertEquals(
          first.header("X-GMS-Event-Id"),
          retried.header("X-GMS-Event-Id"),
          "same event id on retries");
      assertNull(receiver.next(Duration.ofSeconds(3)), "no more retries after success");
    }
  }

  @Test
  void shouldRefuseAddressOutsideAllowList() {
    try (CallbackReceiver receiver = new CallbackReceiver("127.0.0.2")) {
      subscribeHttpcb("X1", receiver.url() + "/internal", tagRoot, "");

      HttpResponse<String> published = publish(tagRoot, "secret");

      assertError(published, 503, "GmsException");
      assertNull(receiver.next(Duration.ofSeconds(2)), "nothing reached the refused address");
    }
  }

  @Test
  void shouldStopDeliveringWhenSubscriptionDeleted() {
    try (CallbackReceiver receiver = new CallbackReceiver("127.0.0.1")) {
      String id = subscribeHttpcb("D1", receiver.url() + "/d", tagRoot, "");
      subscribeHttpcb("D1", receiver.url() + "/d2", tagRoot + ".*", "");

      assertEquals(200, http.delete("1/notification/subscription/" + id).statusCode());
      assertError(
          http.delete("1/notification/subscription/" + id), 404, "ResourceNotFoundException");
      assertEquals(200, publish(tagRoot, "m").statusCode());
      assertNull(receiver.next(Duration.ofMillis(500)));

      assertEquals(200, http.delete("1/notification/subscription/subscriber/D1").statusCode());
      assertError(
          http.delete("1/notification/subscription/subscriber/D1"),
          404,
          "ResourceNotFoundException");
      assertEquals(200, publish(tagRoot + ".x", "m").statusCode());
      assertNull(receiver.next(Duration.ofMillis(500)));
    }
  }

  @Test
  void shouldHonourShortExpireAsGivenAndDefaultOnlyWhenMissing() {
    try (CallbackReceiver receiver = new CallbackReceiver("127.0.0.1")) {
      subscribeHttpcb("E1", receiver.url() + "/short", tagRoot, ",\"expire\":1");
      subscribeHttpcb("E1", receiver.url() + "/default", tagRoot, "");

      // Within a few seconds an event reaches the default (3600 s) subscription only.
      Conditions.await(
          "an event reaching /default but not the 1 s subscription",
          Duration.ofSeconds(10),
          () -> {
            assertEquals(200, publish(tagRoot, "tick").statusCode());
            List<String> paths = new ArrayList<>();
            for (CallbackReceiver.Received r = receiver.next(Duration.ofMillis(500));
                r != null;
                r = receiver.next(Duration.ofMillis(200))) {
              paths.add(r.path());
            }
            assertTrue(paths.contains("/default"), "the default subscription lives: " + paths);
            return !paths.contains("/short");
          });
    }
  }

  @Test
  void shouldRefuseExpireBelowOneSecond() {
    try (CallbackReceiver receiver = new CallbackReceiver("127.0.0.1")) {
      for (String expire : new String[] {"0", "-5", "315360001"}) {
        assertError(
            postJson(
                "1/notification/subscription",
                "{\"subscriberId\":\"Z1\",\"filter\":\""
                    + tagRoot
                    + "\",\"expire\":"
                    + expire
                    + ",\"notificationDetails\":{\"type\":\"httpcb\",\"deviceId\":\""
                    + receiver.url()
                    + "/z\"}}"),
            400,
            "InvalidRequestException");
      }
      assertEquals(200, publish(tagRoot, "m").statusCode());
      assertNull(receiver.next(Duration.ofMillis(500)), "no subscription was stored");
    }
  }

  @Test
  void shouldRefuseBadInputAndStoreNothing() {
    String ok =
        "\"notificationDetails\":{\"type\":\"httpcb\",\"deviceId\":\"http://127.0.0.1:1/x\"}";
    assertError(
        postJson("1/notification/subscription", "{not json"), 400, "InvalidRequestException");
    assertError(
        postJson("1/notification/subscription", "{\"filter\":\"a.*\"," + ok + "}"),
        400,
        "InvalidRequestException");
    assertError(
        postJson(
            "1/notification/subscription",
            "{\"subscriberId\":\"B\",\"filter\":\"a.*.b\"," + ok + "}"),
        400,
        "InvalidRequestException");
    assertError(
        postJson("1/notification/subscription", "{\"subscriberId\":\"B\",\"filter\":\"a.*\"}"),
        400,
        "InvalidRequestException");
    assertError(
        postJson(
            "1/notification/subscription",
            "{\"subscriberId\":\"B\",\"filter\":\"a\",\"notificationDetails\":{\"type\":\"fax\",\"deviceId\":\"1\"}}"),
        400,
        "InvalidRequestException");
    assertError(
        postJson(
            "1/notification/subscription",
            "{\"subscriberId\":\"B\",\"filter\":\"a\",\"notificationDetails\":{\"type\":\"ios\",\"deviceId\":\"1\"}}"),
        400,
        "InvalidRequestException");
    assertError(
        postJson(
            "1/notification/subscription",
            "{\"subscriberId\":\"B\",\"filter\":\"a\",\"notificationDetails\":{\"type\":\"comet\"}}"),
        400,
        "InvalidRequestException");
    assertError(
        postJson(
            "1/notification/subscription",
            "{\"subscriberId\":\"B\",\"filter\":\"a\",\"notificationDetails\":{\"type\":\"httpcb\",\"deviceId\":\"ftp://x\"}}"),
        400,
        "InvalidRequestException");
    assertError(
        http.post("1/notification/subscription", "application/x-www-form-urlencoded", "a=b"),
        415,
        "UnsupportedMediaTypeException");
    assertError(
        postJson("1/notification/publish", "{\"tag\":\"bad tag\"}"),
        400,
        "InvalidRequestException");
    assertError(
        postJson("1/notification/publish", "{\"message\":\"no tag\"}"),
        400,
        "InvalidRequestException");
    assertError(
        postJson(
            "1/notification/publish",
            "{\"tag\":\"a\",\"mediaType\":\"localizestring\",\"message\":\"nope\"}"),
        400,
        "InvalidRequestException");
    assertError(
        http.delete("1/notification/subscription/subscriber/B"), 404, "ResourceNotFoundException");
  }

  @Test
  void shouldAnswer415WhenPostHasNeitherContentTypeNorBody() {
    assertError(
        http.postNothing("1/notification/subscription"), 415, "UnsupportedMediaTypeException");
    assertError(http.postNothing("1/notification/publish"), 415, "UnsupportedMediaTypeException");
    assertError(
        http.post("1/notification/publish", null, "{\"tag\":\"a\",\"message\":\"m\"}"),
        415,
        "UnsupportedMediaTypeException");
  }

  @Test
  void shouldLocalizeMessagePerSubscriptionLanguage() {
    try (CallbackReceiver receiver = new CallbackReceiver("127.0.0.1")) {
      subscribeHttpcb("L1", receiver.url() + "/de", tagRoot, ",\"language\":\"de\"");

      HttpResponse<String> published =
          postJson(
              "1/notification/publish",
              "{\"tag\":\""
                  + tagRoot
                  + "\",\"mediaType\":\"localizestring\",\"message\":\"welcomeArgs\","
                  + "\"properties\":{\"customer.lastname\":\"Doe\"}}");

      assertEquals(200, published.statusCode(), published.body());
      CallbackReceiver.Received got = receiver.next(Duration.ofSeconds(5));
      assertEquals("Sehr geehrter Kunde Doe, wie können Sie daran erinnert werden", got.body());
    }
  }

  @Test
  void shouldSendToOneDeviceWhenEventNamesIt() {
    try (CallbackReceiver receiver = new CallbackReceiver("127.0.0.1")) {
      HttpResponse<String> published =
          postJson(
              "1/notification/publish",
              "{\"tag\":\""
                  + tagRoot
                  + "\",\"message\":\"direct\",\"notificationDetails\":"
                  + "{\"type\":\"httpcb\",\"deviceId\":\""
                  + receiver.url()
                  + "/direct\"}}");

      assertEquals(200, published.statusCode(), published.body());
      assertEquals("/direct", receiver.next(Duration.ofSeconds(5)).path());
    }
  }

  private static String hmac(String secret, String data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }
}
