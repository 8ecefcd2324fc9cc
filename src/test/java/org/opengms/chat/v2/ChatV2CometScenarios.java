package org.opengms.chat.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ChatV2Client.fromNickname;
import static org.opengms.testing.ChatV2Client.fromType;
import static org.opengms.testing.ChatV2Client.indexes;
import static org.opengms.testing.ChatV2Client.messages;
import static org.opengms.testing.ChatV2Client.number;
import static org.opengms.testing.ChatV2Client.types;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengms.testing.AgentClient;
import org.opengms.testing.CometClient;
import org.opengms.testing.CometClient.Transport;
import org.opengms.testing.Conditions;
import org.opengms.testing.Http;

/**
 * Chat API v2 over CometD with the official Java client and no {@code gms_user} (as the mobile
 * SDKs), over one transport (the subclasses pick it); Walt (v2comet) answers on the Agent API.
 */
abstract class ChatV2CometScenarios {

  private static final String CHANNEL = "/service/chatV2/chat-v2-comet";

  @ArquillianResource URL base;
  AgentClient walt;
  private final List<CometClient> clients = new ArrayList<>();

  abstract Transport transport();

  @BeforeEach
  void agent() {
    walt = new AgentClient(new Http(base), "v2comet", "v2comet");
  }

  /** Chats the test started: [service, chatId, secureKey], disconnected afterwards. */
  private final List<String[]> startedChats = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    clients.forEach(CometClient::close);
    Http http = new Http(base);
    for (String[] chat : startedChats) {
      http.postForm(
          "2/chat/" + chat[0] + "/" + chat[1] + "/disconnect", Map.of("secureKey", chat[2]));
    }
    walt.reset();
  }

  /** Remembers a requestChat answer's chat for the clean-up. */
  Map<String, Object> remember(String channel, Map<String, Object> answer) {
    if (answer.get("chatId") instanceof String id
        && answer.get("secureKey") instanceof String key) {
      startedChats.add(new String[] {channel.substring("/service/chatV2/".length()), id, key});
    }
    return answer;
  }

  /** A handshaken client without gms_user, subscribed to {@code channel}. */
  CometClient customer(String channel) {
    CometClient client = CometClient.create(base, transport(), null, false);
    clients.add(client);
    assertTrue(client.handshake().isSuccessful());
    assertTrue(client.subscribe(channel).isSuccessful());
    return client;
  }

  /** Publishes {@code data} (must be accepted) and answers the next message's data. */
  static Map<String, Object> send(CometClient client, String channel, Map<String, Object> data) {
    Message reply = client.publish(channel, data);
    assertTrue(reply.isSuccessful(), reply.toString());
    return next(client);
  }

  static Map<String, Object> next(CometClient client) {
    return client.next().getDataAsMap();
  }

  static Map<String, Object> op(String operation, String secureKey, Object... more) {
    Map<String, Object> data = new HashMap<>();
    data.put("operation", operation);
    data.put("secureKey", secureKey);
    for (int i = 0; i < more.length; i += 2) {
      data.put((String) more[i], more[i + 1]);
    }
    return data;
  }

  /** The event delivered for an operation, then the operation's answer (no events). */
  static Map<String, Object> eventThenAnswer(CometClient client, Map<String, Object> data) {
    Map<String, Object> event = send(client, CHANNEL, data);
    Map<String, Object> answer = next(client);
    assertEquals(0, number(answer.get("statusCode")), answer.toString());
    assertEquals(List.of(), messages(answer), answer.toString());
    assertEquals(event.get("nextPosition"), answer.get("nextPosition"));
    return event;
  }

  @Test
  void shouldConverseWithEveryOperationWithoutGmsUser() {
    CometClient mia = customer(CHANNEL);
    Message denied = mia.subscribe("/_genesys");
    assertFalse(denied.isSuccessful(), "a session without gms_user may use chatV2 only");
    assertFalse(mia.publish("/service/other", Map.of("a", "b")).isSuccessful());

    Map<String, Object> started =
        remember(
            CHANNEL,
            send(
                mia,
                CHANNEL,
                Map.of(
                    "operation", "requestChat",
                    "nickname", "Mia",
                    "subject", "Help",
                    "userData", Map.of("account", "7"))));
    assertEquals(0, number(started.get("statusCode")), started.toString());
    assertEquals(false, started.get("chatEnded"));
    String chatId = (String) started.get("chatId");
    String key = (String) started.get("secureKey");
    assertFalse(((String) started.get("userId")).isBlank());
    assertEquals("1", started.get("alias"));
    assertEquals(List.of("ParticipantJoined"), types(started));
    assertEquals(List.of(1), indexes(started));
    assertEquals("Mia", fromNickname(messages(started).get(0)));
    assertEquals(2, number(started.get("nextPosition")));

    walt.ready();
    Map<String, Object> joined = next(mia);
    assertEquals(List.of("ParticipantJoined"), types(joined));
    assertEquals(List.of(2), indexes(joined));
    assertEquals("Walt", fromNickname(messages(joined).get(0)));
    assertEquals("Agent", fromType(messages(joined).get(0)));
    assertTrue(walt.has(chatId));
    assertEquals(Map.of("account", "7"), chatOf(walt, chatId).get("userData"));

    Map<String, Object> sent = eventThenAnswer(mia, op("sendMessage", key, "message", "hello"));
    assertEquals(List.of("Message"), types(sent));
    assertEquals(List.of(3), indexes(sent));
    assertEquals("hello", messages(sent).get(0).get("text"));
    assertEquals("hello", walt.transcript(chatId).get(1).get(2));

    walt.act(chatId, "send", Map.of("message", "hello Mia"));
    Map<String, Object> answered = next(mia);
    assertEquals(List.of(4), indexes(answered));
    assertEquals("hello Mia", messages(answered).get(0).get("text"));

    assertEquals(List.of("TypingStarted"), types(eventThenAnswer(mia, op("startTyping", key))));
    assertEquals(List.of("TypingStopped"), types(eventThenAnswer(mia, op("stopTyping", key))));
    assertEquals(
        List.of("CustomNotice"),
        types(eventThenAnswer(mia, op("customNotice", key, "message", "n"))));
    assertEquals(
        List.of("PushUrl"),
        types(eventThenAnswer(mia, op("pushUrl", key, "pushUrl", "https://example.com/"))));
    Map<String, Object> renamed =
        eventThenAnswer(mia, op("updateNickname", key, "nickname", "Mimi"));
    assertEquals(List.of("NicknameUpdated"), types(renamed));
    assertEquals(List.of(9), indexes(renamed));
    assertEquals("Mimi", ((Map<?, ?>) chatOf(walt, chatId).get("customer")).get("nickname"));
    Map<String, Object> data =
        send(mia, CHANNEL, op("updateData", key, "userData", Map.of("tier", "gold")));
    assertEquals(List.of(), messages(data));
    assertEquals(10, number(data.get("nextPosition")));
    assertEquals(Map.of("account", "7", "tier", "gold"), chatOf(walt, chatId).get("userData"));

    // the app comes back on a new session: replays from a position, then gets every new event
    CometClient again = customer(CHANNEL);
    Map<String, Object> replay =
        send(again, CHANNEL, op("requestNotifications", key, "transcriptPosition", 3));
    assertEquals(List.of(3, 4, 5, 6, 7, 8, 9), indexes(replay), replay.toString());
    assertEquals(10, number(replay.get("nextPosition")));
    Map<String, Object> all = send(customer(CHANNEL), CHANNEL, op("requestNotifications", key));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), indexes(all));

    walt.act(chatId, "send", Map.of("message", "both of you"));
    assertEquals(List.of(10), indexes(next(mia)));
    assertEquals(List.of(10), indexes(next(again)));

    Map<String, Object> left = eventThenAnswer(again, op("disconnect", key));
    assertEquals(List.of("ParticipantLeft"), types(left));
    assertEquals(List.of(11), indexes(left));
    assertEquals(true, left.get("chatEnded"));
    Map<String, Object> heard = next(mia);
    assertEquals(List.of(11), indexes(heard));
    assertEquals(true, heard.get("chatEnded"));
    Conditions.await("chat gone from Walt", Duration.ofSeconds(10), () -> !walt.has(chatId));

    Map<String, Object> late = send(mia, CHANNEL, op("sendMessage", key, "message", "hello?"));
    assertEquals(true, late.get("chatEnded"));
    assertEquals(0, number(late.get("statusCode")));
    assertEquals(10, walt.transcript(chatId).size(), "nothing changed (index 1 is not stored)");
    assertEquals(0, mia.pending(), "nothing else was delivered");
  }

  @Test
  void shouldAnswerV2ErrorsOnChannelWhenInputIsBad() {
    CometClient leo = customer(CHANNEL);
    assertError(send(leo, CHANNEL, Map.of("nickname", "no operation")), 400);
    assertError(send(leo, CHANNEL, Map.of("operation", "requestChat")), 400);
    Map<String, Object> started =
        remember(
            CHANNEL, send(leo, CHANNEL, Map.of("operation", "requestChat", "nickname", "Leo")));
    String chatId = (String) started.get("chatId");
    String key = (String) started.get("secureKey");
    assertError(send(leo, CHANNEL, op("fly", key)), 404);
    assertError(send(leo, CHANNEL, op("sendMessage", "wrong", "message", "hi")), 400);
    assertError(
        send(leo, CHANNEL, op("sendMessage", "wrong", "chatId", chatId, "message", "hi")), 403);
    assertError(send(leo, CHANNEL, op("sendMessage", key, "message", "x".repeat(101))), 413);
    assertError(send(leo, CHANNEL, op("sendMessage", key, "message", "hi", "colour", "red")), 400);
    Map<String, Object> after = send(leo, CHANNEL, op("requestNotifications", key));
    assertEquals(List.of(1), indexes(after), "nothing was added");
    send(leo, CHANNEL, op("disconnect", key));
  }

  @Test
  void shouldRequireAuthEncodedWhenServiceHasCredentials() {
    String secured = "/service/chatV2/chat-v2-secured";
    CometClient kim = customer(secured);
    assertError(send(kim, secured, Map.of("operation", "requestChat", "nickname", "Kim")), 401);
    String encoded =
        Base64.getEncoder().encodeToString("v2client:v2secret".getBytes(StandardCharsets.UTF_8));
    Map<String, Object> started =
        send(
            kim,
            secured,
            Map.of(
                "operation", "requestChat",
                "nickname", "Kim",
                "auth", Map.of("encoded", encoded)));
    assertEquals(0, number(started.get("statusCode")), started.toString());
    Map<String, Object> gone =
        send(
            kim,
            secured,
            op(
                "disconnect",
                (String) started.get("secureKey"),
                "auth",
                Map.of("encoded", encoded)));
    assertEquals(List.of("ParticipantLeft"), types(gone));
  }

  /** The agent's view of chat {@code chatId} (other tests' chats may be theirs too). */
  static Map<String, Object> chatOf(AgentClient agent, String chatId) {
    return agent.chats().stream()
        .filter(c -> chatId.equals(c.get("chatSessionId")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no chat " + chatId));
  }

  private static void assertError(Map<String, Object> data, int code) {
    assertEquals(2, number(data.get("statusCode")), data.toString());
    List<Map<String, Object>> errors = org.opengms.testing.ChatV2Client.list(data.get("errors"));
    assertEquals(code, number(errors.get(0).get("code")), data.toString());
  }
}
