package org.opengms.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cometd.bayeux.Message;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AdminView;
import org.opengms.testing.AgentClient;
import org.opengms.testing.ApnsStandIn;
import org.opengms.testing.CometClient;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.FcmStandIn;
import org.opengms.testing.Http;
import org.opengms.testing.Http2StandIn;
import org.opengms.testing.ItConfigFile;

/**
 * A mobile chat client in the background: what it has not seen goes to its device through APNs or
 * FCM (stand-ins on loopback), once; nothing for its own custom notices; the idle timeout warns and
 * ends by push; coming back (a new CometD session, a refresh from its position) stops the pushes
 * and answers what it missed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatPushIT {

  /** How long a test waits to be sure a push does not come. */
  private static final Duration NONE_WITHIN = Duration.ofSeconds(3);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  static void apnsInForce(Http http, ItConfigFile config, ApnsStandIn apns) {
    config.write(
        text ->
            text.replace("127.0.0.1:18443", "127.0.0.1:" + apns.server().port(0))
                .replace("127.0.0.1:18444", "127.0.0.1:" + apns.server().port(1)));
    String url = "https://127.0.0.1:" + apns.server().port(0);
    Conditions.await(
        "the stand-in's ports in force",
        Duration.ofSeconds(15),
        () -> url.equals(AdminView.option(http, "push", "apple.url")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldPushWhatTheBackgroundClientMissesOnceAndStopWhenItComesBack() {
    ChatPushClient customer = new ChatPushClient(base);
    AgentClient agent = new AgentClient(customer.http, "chatpushagent", "chatpushagent");
    try (ApnsStandIn apns = new ApnsStandIn();
        ItConfigFile config = new ItConfigFile()) {
      apnsInForce(customer.http, config, apns);
      CometClient foreground = customer.connected();
      customer.startComet("chat-push");
      agent.ready();
      Conditions.await("Gina has the chat", Duration.ofSeconds(20), () -> agent.has(customer.chat));
      Map<String, Object> joined = (Map<String, Object>) foreground.next().getData();
      assertEquals("2", ((Map<String, Object>) joined.get("message")).get("transcriptPosition"));
      assertNull(
          customer.nextApns(apns.server(), Duration.ofMillis(500)),
          "no push while a session is bound");

      foreground.background(2);
      agent.act(customer.chat, "send", Map.of("message", "Are you still there?"));
      Http2StandIn.Received pushed = customer.nextApns(apns.server(), Duration.ofSeconds(15));
      Map<String, Object> message = ChatPushClient.apnsMessage(pushed);
      assertEquals("/3/device/" + customer.token, pushed.path());
      assertEquals(customer.chat, message.get("chatId"));
      assertEquals("Message", message.get("type"));
      assertEquals("Gina", message.get("nickname"));
      assertEquals("Are you still there?", message.get("text"));
      assertEquals(2, ((Number) message.get("transcriptPosition")).intValue());

      // the customer's own custom notice is not pushed; the agent's message was pushed once
      assertOkJson(customer.post(customer.chatPath("customNotice"), Map.of("message", "x")));
      assertNull(customer.nextApns(apns.server(), NONE_WITHIN), "exactly one push");

      CometClient back = customer.connected();
      try {
        Map<String, Object> missed = customer.refresh(Map.of("transcriptPosition", "2"));
        assertEquals("4", missed.get("transcriptPosition"));
        assertEquals(
            List.of(
                List.of("Message.Text", "Gina", "Are you still there?"),
                List.of("Notice.Custom", "Mia", "x")),
            ChatPushClient.events(missed).stream().map(e -> e.subList(0, 3)).toList(),
            "the refresh answers from the position, in comet mode too");

        agent.act(customer.chat, "send", Map.of("message", "Welcome back"));
        Message live = back.next();
        Object[] events =
            (Object[])
                ((Map<String, Object>) ((Map<String, Object>) live.getData()).get("message"))
                    .get("transcriptToShow");
        assertEquals("Welcome back", ((Object[]) events[0])[2], Arrays.deepToString(events));
        assertNull(
            customer.nextApns(apns.server(), NONE_WITHIN), "no push once a session is bound again");
        assertEquals(0, back.pending(), "the missed event came once, by the refresh");
      } finally {
        back.close();
      }
    } finally {
      customer.post(customer.chatPath("disconnect"), Map.of());
      agent.reset();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldPushWhatABackgroundV2CometClientMissesAndStopAfterRequestNotifications() {
    String channel = "/service/chatV2/chat-push";
    ChatPushClient device = new ChatPushClient(base);
    AgentClient agent = new AgentClient(device.http, "chatpushagent", "chatpushagent");
    String chatId = null;
    String key = null;
    try (ApnsStandIn apns = new ApnsStandIn();
        ItConfigFile config = new ItConfigFile()) {
      apnsInForce(device.http, config, apns);
      CometClient foreground = v2Customer(channel);
      foreground.publish(
          channel,
          Map.of(
              "operation", "requestChat",
              "nickname", "Noa",
              "userData",
                  Map.of(
                      "push_notification_deviceid",
                      device.token,
                      "push_notification_type",
                      "ios")));
      Map<String, Object> started = foreground.next().getDataAsMap();
      chatId = (String) started.get("chatId");
      key = (String) started.get("secureKey");
      String chat = chatId;
      agent.ready();
      Conditions.await("Gina has the chat", Duration.ofSeconds(20), () -> agent.has(chat));
      Map<String, Object> joined = foreground.next().getDataAsMap();
      assertEquals(3, ((Number) joined.get("nextPosition")).intValue(), joined.toString());

      foreground.background(3); // v2 index 3: the first event not seen
      agent.act(chat, "send", Map.of("message", "v2 hello"));
      Map<String, Object> message =
          ChatPushClient.apnsMessage(device.nextApns(apns.server(), Duration.ofSeconds(15)));
      assertEquals(chat, message.get("chatId"));
      assertEquals("Message", message.get("type"));
      assertEquals("v2 hello", message.get("text"));
      assertEquals(3, ((Number) message.get("index")).intValue());
      assertNull(device.nextApns(apns.server(), NONE_WITHIN), "exactly one push");

      CometClient back = v2Customer(channel);
      try {
        back.publish(
            channel,
            Map.of("operation", "requestNotifications", "secureKey", key, "transcriptPosition", 3));
        Map<String, Object> missed = back.next().getDataAsMap();
        List<Map<String, Object>> events = org.opengms.testing.ChatV2Client.messages(missed);
        assertEquals(List.of("v2 hello"), events.stream().map(e -> e.get("text")).toList());
        agent.act(chat, "send", Map.of("message", "again"));
        Map<String, Object> live = back.next().getDataAsMap();
        assertEquals(
            List.of("again"),
            org.opengms.testing.ChatV2Client.messages(live).stream()
                .map(e -> e.get("text"))
                .toList());
        assertNull(device.nextApns(apns.server(), NONE_WITHIN), "no push once bound again");
      } finally {
        back.close();
      }
    } finally {
      if (chatId != null) {
        device.http.postForm(
            "2/chat/chat-push/" + chatId + "/disconnect", Map.of("secureKey", key));
      }
      agent.reset();
    }
  }

  /** A Chat API v2 CometD client as the mobile SDKs: no gms_user, on {@code channel}. */
  private CometClient v2Customer(String channel) {
    CometClient client = CometClient.create(base, CometClient.Transport.WEBSOCKET, null, false);
    org.junit.jupiter.api.Assertions.assertTrue(client.handshake().isSuccessful());
    org.junit.jupiter.api.Assertions.assertTrue(client.subscribe(channel).isSuccessful());
    return client;
  }

  @Test
  void shouldPushIdleAlertAndIdleCloseThroughFcm() {
    ChatPushClient customer = new ChatPushClient(base);
    try (FcmStandIn fcm = new FcmStandIn();
        ItConfigFile config = new ItConfigFile()) {
      config.write(text -> text.replace("127.0.0.1:18445", "127.0.0.1:" + fcm.server().port(0)));
      String fcmUrl = "https://127.0.0.1:" + fcm.server().port(0);
      Conditions.await(
          "the stand-in's port in force",
          Duration.ofSeconds(15),
          () -> fcmUrl.equals(AdminView.option(customer.http, "push", "fcm.url")));
      String token = "cp" + UUID.randomUUID().toString().replace("-", "") + ":APA91b-it_token";
      customer.start(
          "chat-push-idle",
          Map.of("push_notification_deviceid", token, "push_notification_type", "fcm"));

      Map<String, Object> alert =
          ChatPushClient.fcmMessage(
              ChatPushClient.nextFcmSend(fcm.server(), token, Duration.ofSeconds(20)));
      assertEquals("IdleAlert", alert.get("type"));
      assertEquals(customer.chat, alert.get("chatId"));
      Map<String, Object> close =
          ChatPushClient.fcmMessage(
              ChatPushClient.nextFcmSend(fcm.server(), token, Duration.ofSeconds(20)));
      assertEquals("IdleClose", close.get("type"));
      assertEquals(customer.chat, close.get("chatId"));
      assertEquals(
          "DISCONNECTED", customer.refresh(Map.of("transcriptPosition", "1")).get("chatIxnState"));
      assertNull(
          ChatPushClient.nextFcmSend(fcm.server(), token, NONE_WITHIN), "nothing after the end");
    }
  }

  @Test
  void shouldRefuseBadPushSettingsAndStartNothing() {
    ChatPushClient customer = new ChatPushClient(base);
    Http http = customer.http;
    String service =
        (String) assertOkJson(http.postForm("1/service/chat-push-idle", Map.of())).get("_id");
    String path = "1/service/" + service + "/ixn/chat";
    for (Map<String, String> bad :
        List.of(
            Map.of("push_notification_deviceid", "abc", "push_notification_type", "blackberry"),
            Map.of("push_notification_deviceid", "abc"),
            Map.of("push_notification_type", "ios"))) {
      Map<String, String> form = new java.util.HashMap<>(bad);
      form.put("subject", "bad");
      var answer = http.postForm(path, form);
      assertEquals(400, answer.statusCode(), answer.body());
    }
    var none = http.postForm(path + "/refresh", Map.of());
    assertEquals(400, none.statusCode(), "no chat was started: " + none.body());
    http.delete("1/service/" + service);
  }
}
