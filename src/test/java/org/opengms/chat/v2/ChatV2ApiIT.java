package org.opengms.chat.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ChatV2Client.assertV2Error;
import static org.opengms.testing.ChatV2Client.fromNickname;
import static org.opengms.testing.ChatV2Client.fromType;
import static org.opengms.testing.ChatV2Client.indexes;
import static org.opengms.testing.ChatV2Client.messages;
import static org.opengms.testing.ChatV2Client.number;
import static org.opengms.testing.ChatV2Client.types;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AgentClient;
import org.opengms.testing.ChatV2Client;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

/** Chat API v2 over REST, on the engine's chats, with Vera (v2agent) answering on the Agent API. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatV2ApiIT {

  private static final String SERVICE = "chat-v2";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  AgentClient vera;
  final List<ChatV2Client> customers = new ArrayList<>();

  @BeforeEach
  void client() {
    http = new Http(base);
    vera = new AgentClient(http, "v2agent", "v2agent");
  }

  @AfterEach
  void cleanUp() {
    customers.forEach(c -> c.post("disconnect", Map.of()));
    vera.reset();
  }

  ChatV2Client customer(String service) {
    ChatV2Client customer = new ChatV2Client(http, service);
    customers.add(customer);
    return customer;
  }

  @Test
  void shouldConverseWithEveryOperationWhenAgentAnswers() {
    ChatV2Client buzz = customer(SERVICE);
    long before = System.currentTimeMillis();
    Map<String, Object> started =
        buzz.requestChat(
            Map.of(
                "firstName", "Buzz",
                "lastName", "Brain",
                "subject", "French",
                "emailAddress", "buzz@example.com",
                "userData[TimeZone]", "120",
                "userData[account]", "42"));
    assertEquals(0, number(started.get("statusCode")));
    assertEquals(false, started.get("chatEnded"));
    assertEquals("1", started.get("alias"));
    assertTrue(buzz.chatId.matches("[0-9A-Za-z]{16}"), buzz.chatId);
    assertFalse(buzz.secureKey.isBlank());
    assertFalse(buzz.userId.isBlank());
    assertEquals(2, number(started.get("nextPosition")));
    Map<String, Object> joined = messages(started).get(0);
    assertEquals("ParticipantJoined", joined.get("type"));
    assertEquals(1, number(joined.get("index")));
    assertEquals(
        Map.of("nickname", "Buzz Brain", "participantId", 1, "type", "Client"),
        Map.of(
            "nickname", fromNickname(joined),
            "participantId", number(((Map<?, ?>) joined.get("from")).get("participantId")),
            "type", fromType(joined)));
    long utc = ((Number) joined.get("utcTime")).longValue();
    assertTrue(utc >= before - 1000 && utc <= System.currentTimeMillis(), "utcTime " + utc);

    vera.ready();
    Conditions.await("assigned to Vera", Duration.ofSeconds(10), () -> vera.has(buzz.chatId));
    Map<String, Object> agentView = chatOf(vera, buzz.chatId);
    assertEquals(Map.of("TimeZone", "120", "account", "42"), agentView.get("userData"));
    assertEquals("French", agentView.get("subject"));

    Map<String, Object> refreshed = buzz.ok("refresh", Map.of());
    assertEquals(List.of("ParticipantJoined"), types(refreshed));
    assertEquals(List.of(2), indexes(refreshed));
    assertEquals("Vera", fromNickname(messages(refreshed).get(0)));
    assertEquals("Agent", fromType(messages(refreshed).get(0)));
    assertEquals(3, number(refreshed.get("nextPosition")));

    Map<String, Object> sent =
        buzz.ok("send", Map.of("message", "hello agent", "messageType", "text"));
    assertEquals(List.of("Message"), types(sent));
    assertEquals(List.of(3), indexes(sent));
    assertEquals("hello agent", messages(sent).get(0).get("text"));
    assertEquals("text", messages(sent).get(0).get("messageType"));
    assertEquals(4, number(sent.get("nextPosition")));
    assertEquals("hello agent", vera.transcript(buzz.chatId).get(1).get(2));

    vera.act(buzz.chatId, "send", Map.of("message", "hello customer"));
    Map<String, Object> answered = buzz.ok("refresh", Map.of());
    assertEquals(List.of("Message"), types(answered));
    assertEquals("hello customer", messages(answered).get(0).get("text"));
    assertEquals("Agent", fromType(messages(answered).get(0)));

    assertEquals(List.of("TypingStarted"), types(buzz.ok("startTyping", Map.of("message", "he"))));
    assertEquals(List.of("TypingStopped"), types(buzz.ok("stopTyping", Map.of())));
    Map<String, Object> notice = buzz.ok("customNotice", Map.of("message", "custom"));
    assertEquals(List.of("CustomNotice"), types(notice));
    assertEquals("custom", messages(notice).get(0).get("text"));
    Map<String, Object> url = buzz.ok("pushUrl", Map.of("pushUrl", "https://example.com/a"));
    assertEquals(List.of("PushUrl"), types(url));
    assertEquals("https://example.com/a", messages(url).get(0).get("text"));

    Map<String, Object> renamed = buzz.ok("updateNickname", Map.of("nickname", "Buzzy"));
    assertEquals(List.of("NicknameUpdated"), types(renamed));
    assertEquals("Buzzy", fromNickname(messages(renamed).get(0)));
    assertEquals("Buzzy", ((Map<?, ?>) chatOf(vera, buzz.chatId).get("customer")).get("nickname"));
    assertEquals("Buzzy", fromNickname(messages(buzz.ok("send", Map.of("message", "x"))).get(0)));

    Map<String, Object> updated =
        buzz.ok("updateData", Map.of("userData[account]", "43", "userData[tier]", "gold"));
    assertEquals(List.of(), messages(updated));
    assertEquals(
        Map.of("TimeZone", "120", "account", "43", "tier", "gold"),
        chatOf(vera, buzz.chatId).get("userData"));

    Map<String, Object> all = buzz.ok("refresh", Map.of("transcriptPosition", "1"));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), indexes(all), all.toString());
    assertEquals(11, number(all.get("nextPosition")));
    Map<String, Object> tail = buzz.ok("refresh", Map.of("transcriptPosition", "9"));
    assertEquals(List.of(9, 10), indexes(tail));

    Map<String, Object> left = buzz.ok("disconnect", Map.of());
    assertEquals(true, left.get("chatEnded"));
    assertEquals(List.of("ParticipantLeft"), types(left));
    assertEquals(List.of(11), indexes(left));
    Conditions.await("chat gone from Vera", Duration.ofSeconds(10), () -> !vera.has(buzz.chatId));
    int size = vera.transcript(buzz.chatId).size();

    Map<String, Object> late = buzz.ok("send", Map.of("message", "hello?"));
    assertEquals(true, late.get("chatEnded"));
    assertEquals(List.of(), messages(late));
    assertEquals(true, buzz.ok("updateNickname", Map.of("nickname", "Z")).get("chatEnded"));
    assertEquals(true, buzz.ok("disconnect", Map.of()).get("chatEnded"));
    assertEquals(size, vera.transcript(buzz.chatId).size(), "nothing changed");
  }

  static Map<String, Object> chatOf(AgentClient agent, String chatId) {
    return ChatV2CometScenarios.chatOf(agent, chatId);
  }

  @Test
  void shouldAnswerV2ErrorsWhenInputIsBad() {
    assertV2Error(http.postForm("2/chat/no-such-service", Map.of("nickname", "A")), 404);
    assertV2Error(http.postForm("2/chat/cal-office-hours", Map.of("nickname", "A")), 404);
    assertV2Error(http.postForm("2/chat/" + SERVICE, Map.of("subject", "no name")), 400);
    assertV2Error(http.postForm("2/chat/" + SERVICE, Map.of("firstName", "only first")), 400);
    assertV2Error(http.postForm("2/chat/" + SERVICE, Map.of("nickname", "x".repeat(300))), 400);
    String advice =
        assertV2Error(http.postForm("2/chat/" + SERVICE, Map.of("nickname", "A", "foo", "1")), 400);
    assertTrue(advice.contains("foo"), advice);
    assertV2Error(http.post("2/chat/" + SERVICE, "application/json", "{\"nickname\":\"A\"}"), 415);
    assertEquals(
        404, http.postForm("2/service/request-chat", Map.of()).statusCode(), "no v1 under 2");
    assertEquals(404, http.postForm("1/chat/" + SERVICE, Map.of("nickname", "A")).statusCode());

    ChatV2Client zoe = customer(SERVICE);
    zoe.requestChat(Map.of("nickname", "Zoe"));
    int next = number(zoe.ok("refresh", Map.of("transcriptPosition", "1")).get("nextPosition"));

    assertV2Error(zoe.post("send", Map.of()), 400);
    assertV2Error(zoe.post("send", Map.of("message", "x".repeat(101))), 413);
    assertV2Error(zoe.post("send", Map.of("message", "hi", "colour", "red")), 400);
    assertV2Error(zoe.post("send", Map.of("message", "hi", "transcriptPosition", "abc")), 400);
    assertV2Error(zoe.post("fly", Map.of()), 404);
    assertV2Error(zoe.post("updateNickname", Map.of()), 400);
    assertV2Error(zoe.post("updateData", Map.of()), 400);
    assertV2Error(zoe.post("pushUrl", Map.of("pushUrl", "javascript:alert(1)")), 400);
    assertV2Error(zoe.post("send", Map.of("message", "hi", "secureKey", "wrong")), 403);
    assertV2Error(zoe.post("send", Map.of("message", "hi", "userId", "wrong")), 403);
    assertV2Error(zoe.post("send", Map.of("message", "hi", "alias", "7")), 403);
    assertV2Error(
        http.postForm("2/chat/" + SERVICE + "/" + zoe.chatId + "/send", Map.of("message", "hi")),
        400);
    HttpResponse<String> unknownChat =
        http.postForm(
            "2/chat/" + SERVICE + "/0000000000000000/send",
            Map.of("secureKey", zoe.secureKey, "message", "hi"));
    assertV2Error(unknownChat, 404);
    assertV2Error(
        http.postForm(
            "2/chat/chat-v2-comet/" + zoe.chatId + "/send",
            Map.of("secureKey", zoe.secureKey, "message", "hi")),
        404);
    assertV2Error(
        http.send(
            HttpRequest.newBuilder(http.uri("2/chat/" + SERVICE + "/" + zoe.chatId + "/send"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}"))),
        415);

    Map<String, Object> after = zoe.ok("refresh", Map.of("transcriptPosition", "1"));
    assertEquals(next, number(after.get("nextPosition")), "nothing was added: " + after);
    assertEquals(List.of("ParticipantJoined"), types(after));
    assertEquals("Zoe", fromNickname(messages(after).get(0)), "the nickname did not change");
  }

  @Test
  void shouldRequireServiceCredentialsWhenServiceHasThem() {
    assertEquals(
        401, http.postForm("2/chat/chat-v2-secured", Map.of("nickname", "A")).statusCode());
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(http.uri("2/chat/chat-v2-secured"))
                .header("Authorization", Http.basic("v2client", "v2secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("nickname=A")));
    assertEquals(200, ok.statusCode(), ok.body());
    Map<String, Object> answer = org.opengms.testing.Json.object(ok.body());
    http.send(
        HttpRequest.newBuilder(
                http.uri("2/chat/chat-v2-secured/" + answer.get("chatId") + "/disconnect"))
            .header("Authorization", Http.basic("v2client", "v2secret"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("secureKey=" + answer.get("secureKey"))));
  }
}
