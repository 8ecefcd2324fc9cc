package org.opengms.chat;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.opengms.testing.CometClient;
import org.opengms.testing.Http;
import org.opengms.testing.Http2StandIn;
import org.opengms.testing.Json;

/** A mobile chat customer of the background-push tests: a v1 comet chat with a device. */
final class ChatPushClient {

  final Http http;
  final URL base;
  final String owner = "push-" + java.util.UUID.randomUUID();
  final String token;
  String service;
  String chat;

  ChatPushClient(URL base) {
    this.base = base;
    this.http = new Http(base);
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    this.token = HexFormat.of().formatHex(bytes);
  }

  /** A CometD session of the chat's owner, subscribed to /_genesys. */
  CometClient connected() {
    CometClient client = CometClient.create(base, CometClient.Transport.WEBSOCKET, owner, false);
    assertTrue(client.handshake().isSuccessful());
    assertTrue(client.subscribe("/_genesys").isSuccessful());
    return client;
  }

  /** Creates a service of {@code serviceName} and starts a chat there with {@code extra}. */
  Map<String, Object> start(String serviceName, Map<String, String> extra) {
    service = (String) assertOkJson(post("1/service/" + serviceName, Map.of())).get("_id");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("subject", "push");
    form.put("firstName", "Mia");
    form.putAll(extra);
    Map<String, Object> started = assertOkJson(post(chatPath(""), form));
    chat = (String) started.get("chatSessionId");
    return started;
  }

  /** A comet chat whose device is the iOS token of this client. */
  Map<String, Object> startComet(String serviceName) {
    return start(
        serviceName,
        Map.of(
            "notify_by", "comet",
            "push_notification_deviceid", token,
            "push_notification_type", "ios",
            "push_notification_language", "en"));
  }

  java.net.http.HttpResponse<String> post(String path, Map<String, String> form) {
    return http.send(
        HttpRequest.newBuilder(http.uri(path))
            .header("gms_user", owner)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(Http.form(form))));
  }

  String chatPath(String request) {
    return "1/service/" + service + "/ixn/chat" + (request.isEmpty() ? "" : "/" + request);
  }

  Map<String, Object> refresh(Map<String, String> form) {
    return assertOkJson(post(chatPath("refresh"), form));
  }

  @SuppressWarnings("unchecked")
  static List<List<String>> events(Map<String, Object> answer) {
    return (List<List<String>>) answer.get("transcriptToShow");
  }

  /** The chat message of an APNs request (the JSON the app reads under "message"). */
  static Map<String, Object> apnsMessage(Http2StandIn.Received r) {
    assertNotNull(r, "APNs got a push");
    return Json.object((String) Json.object(r.body()).get("message"));
  }

  /**
   * The next APNs request for this client's device within {@code bound}, null if none (others'
   * pushes, e.g. retries from the outbox of earlier tests, are skipped).
   */
  Http2StandIn.Received nextApns(Http2StandIn apns, Duration bound) {
    long end = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < end) {
      Http2StandIn.Received r = apns.next(Duration.ofMillis(250));
      if (r != null && r.path().equals("/3/device/" + token)) {
        return r;
      }
    }
    return null;
  }

  /** The next FCM send request for {@code fcmToken} within {@code bound}; null if none. */
  static Http2StandIn.Received nextFcmSend(Http2StandIn fcm, String fcmToken, Duration bound) {
    long end = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < end) {
      Http2StandIn.Received r = fcm.next(Duration.ofMillis(250));
      if (r != null
          && r.path().equals(org.opengms.testing.FcmStandIn.SEND_PATH)
          && r.body().contains(fcmToken)) {
        return r;
      }
    }
    return null;
  }

  /** The chat message of an FCM send request (data.message). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> fcmMessage(Http2StandIn.Received r) {
    assertNotNull(r, "FCM got a push");
    Map<String, Object> message = (Map<String, Object>) Json.object(r.body()).get("message");
    Map<String, Object> data = (Map<String, Object>) message.get("data");
    return Json.object((String) data.get("message"));
  }
}
