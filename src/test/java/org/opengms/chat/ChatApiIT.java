package org.opengms.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

/** The customer Chat API against the built-in engine, with agent1 (Alice) answering. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  AgentClient alice;
  final List<String> services = new ArrayList<>();

  @BeforeEach
  void client() {
    http = new Http(base);
    alice = new AgentClient(http, "agent1", "agent1");
  }

  @AfterEach
  void cleanUp() {
    for (String id : services) {
      http.postForm("1/service/" + id + "/ixn/chat/disconnect", Map.of());
    }
    alice.reset();
  }

  @Test
  void shouldConverseWhenAgentTakesChatAndCustomerPolls() {
    String service = service();
    Map<String, Object> started =
        start(service, Map.of("subject", "French", "firstName", "Buzz", "lastName", "Brain"));
    assertEquals("CONNECTED", started.get("chatIxnState"));
    assertEquals("1", started.get("transcriptPosition"));
    assertEquals("Chat service is available", started.get("chatServiceMessage"));
    String chat = (String) started.get("chatSessionId");
    assertTrue(chat.matches("[0-9A-Za-z]{16}"), chat);

    alice.ready();
    Conditions.await("assigned to Alice", Duration.ofSeconds(10), () -> alice.has(chat));
    Map<String, Object> joined = refresh(service, Map.of());
    assertEquals("TRANSCRIPT", joined.get("chatIxnState"));
    assertEquals("2", joined.get("transcriptPosition"));
    List<List<String>> events = events(joined);
    assertEquals(1, events.size());
    assertEquals(
        List.of("Notice.Joined", "Alice", "has joined the session"), events.get(0).subList(0, 3));
    assertEquals("AGENT", events.get(0).get(4));
    assertTrue(events.get(0).get(3).matches("\\d+"), "secondsFromStart is a string number");
    assertTrue(
        ((String) joined.get("startedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

    Map<String, Object> sent = refresh(service, Map.of("message", "hello agent"));
    assertEquals("3", sent.get("transcriptPosition"));
    assertEquals(
        List.of("Message.Text", "Buzz Brain", "hello agent"), events(sent).get(0).subList(0, 3));
    assertEquals("CLIENT", events(sent).get(0).get(4));

    List<List<String>> agentView = alice.transcript(chat);
    assertEquals(2, agentView.size());
    assertEquals("hello agent", agentView.get(1).get(2));

    alice.act(chat, "send", Map.of("message", "hello customer"));
    Map<String, Object> answered = refresh(service, Map.of());
    assertEquals(
        List.of("Message.Text", "Alice", "hello customer"), events(answered).get(0).subList(0, 3));

    Map<String, Object> viaSend =
        assertOkJson(
            http.postForm("1/service/" + service + "/ixn/chat/send", Map.of("message", "bye")));
    assertEquals("5", viaSend.get("transcriptPosition"));

    alice.act(chat, "leave", Map.of());
    Map<String, Object> left = refresh(service, Map.of());
    assertEquals("DISCONNECTED", left.get("chatIxnState"));
    assertEquals("Chat was finished", left.get("chatServiceMessage"));
    assertEquals(
        List.of("Notice.Left", "Alice", "has left the session"), events(left).get(0).subList(0, 3));
    assertFalse(alice.has(chat));
    assertError(
        http.postForm("1/service/" + service + "/ixn/chat/send", Map.of("message", "hello?")),
        400,
        "InvalidRequestException");
  }

  @Test
  void shouldShowEventsFromPositionWhenTranscriptPositionGiven() {
    String service = service();
    start(service, Map.of("subject", "positions"));
    refresh(service, Map.of("message", "one"));
    refresh(service, Map.of("message", "two"));
    refresh(service, Map.of("message", "three"));

    assertEquals(List.of(), events(refresh(service, Map.of())), "nothing new");
    Map<String, Object> all = refresh(service, Map.of("transcriptPosition", "1"));
    assertEquals(List.of("one", "two", "three"), texts(all));
    assertEquals("4", all.get("transcriptPosition"));
    assertEquals(
        List.of("two", "three"), texts(refresh(service, Map.of("transcriptPosition", "2"))));
    assertEquals(List.of(), texts(refresh(service, Map.of("transcriptPosition", "9"))));
    // in the query string, as the reference's REFRESH_FROM_START URL
    HttpResponse<String> fromStart =
        http.postForm("1/service/" + service + "/ixn/chat/refresh?transcriptPosition=3", Map.of());
    assertEquals(List.of("three"), texts(assertOkJson(fromStart)));
    assertError(
        http.postForm(
            "1/service/" + service + "/ixn/chat/refresh", Map.of("transcriptPosition", "x")),
        400,
        "InvalidRequestException");
  }

  @Test
  void shouldShowTypingNoticesBothWays() {
    String service = service();
    String chat =
        (String)
            start(service, Map.of("subject", "typing", "userDisplayName", "VasyaP"))
                .get("chatSessionId");
    alice.ready();
    Conditions.await("assigned", Duration.ofSeconds(10), () -> alice.has(chat));
    refresh(service, Map.of());

    Map<String, Object> typing = post(service, "startTyping", Map.of());
    assertEquals(
        List.of("Notice.TypingStarted", "VasyaP", "is typing"),
        events(typing).get(0).subList(0, 3));
    Map<String, Object> stopped = post(service, "stopTyping", Map.of());
    assertEquals(
        List.of("Notice.TypingStopped", "VasyaP", "stopped typing"),
        events(stopped).get(0).subList(0, 3));

    alice.act(chat, "startTyping", Map.of());
    alice.act(chat, "stopTyping", Map.of());
    List<List<String>> agentEvents = events(refresh(service, Map.of()));
    assertEquals(
        List.of("Notice.TypingStarted", "Notice.TypingStopped"),
        agentEvents.stream().map(e -> e.get(0)).toList());
    assertEquals("AGENT", agentEvents.get(0).get(4));
    List<List<String>> seenByAgent = alice.transcript(chat);
    assertEquals("Notice.TypingStarted", seenByAgent.get(1).get(0));
    assertEquals("CLIENT", seenByAgent.get(1).get(4));

    Map<String, Object> custom =
        post(service, "customNotice", Map.of("message", "{\"page\":\"cart\"}"));
    assertEquals(
        List.of("Notice.Custom", "VasyaP", "{\"page\":\"cart\"}"),
        events(custom).get(0).subList(0, 3));
  }

  @Test
  void shouldEndChatForBothWhenCustomerDisconnects() {
    String service = service();
    String chat = (String) start(service, Map.of("subject", "bye")).get("chatSessionId");
    alice.ready();
    Conditions.await("assigned", Duration.ofSeconds(10), () -> alice.has(chat));

    Map<String, Object> gone = post(service, "disconnect", Map.of());
    assertEquals("DISCONNECTED", gone.get("chatIxnState"));
    assertEquals("Chat was finished", gone.get("chatServiceMessage"));
    assertEquals("3", gone.get("transcriptPosition"));

    assertFalse(alice.has(chat));
    List<List<String>> transcript = alice.transcript(chat);
    assertEquals(
        List.of("Notice.Left", "Customer", "has left the session"),
        transcript.get(1).subList(0, 3));
    assertEquals("FINISHED", assertOkJson(alice.get("chats/" + chat)).get("state"));
    assertError(
        alice.post("chats/" + chat + "/send", Map.of("message", "still there?")),
        400,
        "InvalidRequestException");
    assertEquals(2, alice.transcript(chat).size(), "nothing added");
    assertEquals("DISCONNECTED", refresh(service, Map.of()).get("chatIxnState"));
    assertEquals("DISCONNECTED", post(service, "disconnect", Map.of()).get("chatIxnState"));
  }

  @Test
  void shouldAddVerboseFieldsAndUrlsWhenVerbose() {
    String service = service();
    Map<String, Object> started =
        start(
            service,
            Map.of("subject", "verbose", "_verbose", "true", "clientTimeZoneOffset", "120"));
    String prefix = "/genesys/1/service/" + service + "/ixn/chat";
    assertEquals(prefix + "/send", started.get("_chatIxnAPI_SEND_URL"));
    assertEquals(prefix + "/customNotice", started.get("_chatIxnAPI_SEND_CUSTOM_URL"));
    assertEquals(prefix + "/refresh", started.get("_chatIxnAPI_REFRESH_URL"));
    assertEquals(prefix + "/startTyping", started.get("_chatIxnAPI_START_TYPING_URL"));
    assertEquals(prefix + "/stopTyping", started.get("_chatIxnAPI_STOP_TYPING_URL"));
    assertEquals(prefix + "/disconnect", started.get("_chatIxnAPI_DISCONNECT_URL"));
    assertEquals(
        prefix + "/refresh?transcriptPosition=1",
        started.get("_chatIxnAPI_REFRESH_FROM_START_URL"));
    assertTrue(((String) started.get("userId")).matches("[0-9A-F]{16}"));
    assertTrue(((String) started.get("secureKey")).matches("[0-9a-f]{16}"));
    assertEquals("120", started.get("clientTimeZoneOffset"));
    assertEquals("false", started.get("isTLSrequired"));
    assertTrue(((String) started.get("chatWebApiPort")).matches("\\d+"));

    Map<String, Object> plain = refresh(service, Map.of());
    assertNull(plain.get("userId"));
    Map<String, Object> verbose = refresh(service, Map.of("verbose", "true"));
    assertEquals(started.get("secureKey"), verbose.get("secureKey"));
  }

  @Test
  void shouldNotShowTranscriptWhenNotifiedByComet() {
    String service = createService(Map.of(), "device-42");
    Map<String, Object> started = start(service, Map.of("subject", "comet", "notify_by", "comet"));
    assertEquals("/_genesys", started.get("comet_channel"));
    Map<String, Object> sent = refresh(service, Map.of("message", "hi"));
    assertEquals("2", sent.get("transcriptPosition"));
    assertFalse(sent.containsKey("transcriptToShow"));

    String anonymous = service();
    assertError(
        http.postForm(
            "1/service/" + anonymous + "/ixn/chat", Map.of("subject", "x", "notify_by", "comet")),
        400,
        "InvalidRequestException");
  }

  @Test
  void shouldRefuseBadChatRequests() {
    String service = service();
    assertError(
        http.postForm("1/service/" + service + "/ixn/chat", Map.of()),
        400,
        "InvalidRequestException");
    assertError(
        http.postForm("1/service/" + service + "/ixn/chat/refresh", Map.of()),
        400,
        "InvalidRequestException");
    assertError(
        http.postForm("1/service/no-such-service/ixn/chat", Map.of("subject", "x")),
        404,
        "ResourceNotFoundException");
    assertError(
        http.postForm("1/service/no-such-service/ixn/chat/refresh", Map.of()),
        404,
        "ResourceNotFoundException");
    String interaction =
        (String) assertOkJson(http.postForm("1/service/request-interaction", Map.of())).get("_id");
    assertError(
        http.postForm("1/service/" + interaction + "/ixn/chat", Map.of("subject", "x")),
        400,
        "InvalidRequestException");

    start(service, Map.of("subject", "limits"));
    assertError(
        http.postForm("1/service/" + service + "/ixn/chat", Map.of("subject", "again")),
        400,
        "InvalidRequestException");
    assertError(
        http.postForm(
            "1/service/" + service + "/ixn/chat/refresh", Map.of("message", "x".repeat(101))),
        413,
        "PayloadTooLargeException");
    assertError(
        http.postForm("1/service/" + service + "/ixn/chat/send", Map.of("message", "é".repeat(51))),
        413,
        "PayloadTooLargeException");
    assertError(
        http.postForm("1/service/" + service + "/ixn/chat/send", Map.of()),
        400,
        "InvalidRequestException");
    assertEquals(
        List.of(), texts(refresh(service, Map.of("transcriptPosition", "1"))), "nothing stored");
    assertEquals(
        "2", refresh(service, Map.of("message", "x".repeat(100))).get("transcriptPosition"));
    assertEquals(
        404, http.postForm("1/service/" + service + "/ixn/chat/nonsense", Map.of()).statusCode());

    assertEquals(200, http.delete("1/service/" + service).statusCode());
    assertError(
        http.postForm("1/service/" + service + "/ixn/chat/refresh", Map.of()),
        404,
        "ResourceNotFoundException");
    assertError(
        http.postForm("1/service/" + service + "/ixn/chat", Map.of("subject", "x")),
        404,
        "ResourceNotFoundException");
  }

  @Test
  void shouldAnswerNotFoundWhenChatServiceExpired() {
    String service =
        (String) assertOkJson(http.postForm("1/service/short-lived", Map.of())).get("_id");
    services.add(service);
    String chat = (String) start(service, Map.of("subject", "short")).get("chatSessionId");
    Conditions.await(
        "the service (_ttl = 2) expires",
        Duration.ofSeconds(20),
        () ->
            http.postForm("1/service/" + service + "/ixn/chat/refresh", Map.of()).statusCode()
                == 404);
    assertError(
        http.postForm("1/service/" + service + "/ixn/chat/send", Map.of("message", "late")),
        404,
        "ResourceNotFoundException");
    assertError(
        http.postForm("1/service/" + service + "/ixn/chat", Map.of("subject", "again")),
        404,
        "ResourceNotFoundException");
    alice.ready();
    assertFalse(alice.has(chat), "the chat of an expired service is not routed");
  }

  // ------------------------------------------------------------------ helpers

  private String service() {
    return createService(Map.of(), null);
  }

  private String createService(Map<String, String> form, String gmsUser) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http.uri("1/service/request-chat"))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (gmsUser != null) {
      request.header("gms_user", gmsUser);
    }
    String id = (String) assertOkJson(http.send(request)).get("_id");
    services.add(id);
    return id;
  }

  private Map<String, Object> start(String service, Map<String, String> form) {
    return assertOkJson(http.postForm("1/service/" + service + "/ixn/chat", form));
  }

  private Map<String, Object> refresh(String service, Map<String, String> form) {
    return post(service, "refresh", form);
  }

  private Map<String, Object> post(String service, String request, Map<String, String> form) {
    Map<String, String> fields = new HashMap<>(form);
    return assertOkJson(http.postForm("1/service/" + service + "/ixn/chat/" + request, fields));
  }

  @SuppressWarnings("unchecked")
  private static List<List<String>> events(Map<String, Object> answer) {
    return (List<List<String>>) answer.get("transcriptToShow");
  }

  private static List<String> texts(Map<String, Object> answer) {
    return events(answer).stream().map(e -> e.get(2)).toList();
  }
}
