package org.opengms.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AgentClient;
import org.opengms.testing.CometClient;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

/**
 * How chats end or move on without anyone asking: the idle timeout ({@code _chat_idle_timeout} of
 * the chat-idle service: 3 s) and the agent leaving a chat whose service says {@code
 * _on_agent_leave = requeue}. Dave (agent3) and Erin (agent4) serve the queues of these services
 * only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatLifecycleIT {

  private static final Duration BOUND = Duration.ofSeconds(20);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  AgentClient dave;
  AgentClient erin;
  final List<String> services = new ArrayList<>();
  final List<CometClient> comets = new ArrayList<>();

  @BeforeEach
  void client() {
    http = new Http(base);
    dave = new AgentClient(http, "agent3", "agent3");
    erin = new AgentClient(http, "agent4", "agent4");
  }

  @AfterEach
  void cleanUp() {
    for (String id : services) {
      http.postForm("1/service/" + id + "/ixn/chat/disconnect", Map.of());
    }
    dave.reset();
    erin.reset();
    comets.forEach(CometClient::close);
  }

  @Test
  void shouldEndIdleChatWithLeftNoticeForCustomerAndAgent() {
    String owner = "idle-" + UUID.randomUUID();
    CometClient customer = connected(owner);
    dave.ready();
    String service = service("chat-idle", owner);
    String chat = startComet(service, owner);
    assertEquals("Notice.Joined", pushedEvent(customer)[0]);
    dave.act(chat, "send", Map.of("message", "anyone there?"));
    assertEquals("anyone there?", pushedEvent(customer)[2]);

    Conditions.await("the idle chat is taken from Dave", BOUND, () -> !dave.has(chat));

    Map<String, Object> ended = pushedMessage(customer);
    assertEquals("DISCONNECTED", ended.get("chatIxnState"));
    assertEquals("Chat was finished", ended.get("chatServiceMessage"));
    assertEquals("4", ended.get("transcriptPosition"));
    Object[] left = ((Object[]) ((Object[]) ended.get("transcriptToShow"))[0]);
    assertEquals(
        List.of("Notice.Left", "Buzz", "has left the session", "CLIENT"),
        List.of(left[0], left[1], left[2], left[4]));
    Map<String, Object> seenByDave = assertOkJson(dave.get("chats/" + chat));
    assertEquals("FINISHED", seenByDave.get("state"));
    assertEquals(
        List.of("Notice.Joined", "Message.Text", "Notice.Left"),
        dave.transcript(chat).stream().map(e -> e.get(0)).toList());
    Map<String, Object> refreshed = refresh(service, Map.of());
    assertEquals("DISCONNECTED", refreshed.get("chatIxnState"));
    assertEquals("Chat was finished", refreshed.get("chatServiceMessage"));
    assertError(
        http.postForm("1/service/" + service + "/ixn/chat/send", Map.of("message", "late")),
        400,
        "InvalidRequestException");
    assertEquals(3, dave.transcript(chat).size(), "nothing added");
  }

  @Test
  void shouldKeepChatOpenWhileCustomerPollsAndEndItAfterwards() {
    dave.ready();
    String service = service("chat-idle", null);
    String chat =
        (String)
            assertOkJson(
                    http.postForm("1/service/" + service + "/ixn/chat", Map.of("subject", "poll")))
                .get("chatSessionId");
    assertTrue(dave.has(chat));

    // The customer polls for more than twice the 3 s timeout; the silent agent keeps the chat.
    long until = System.nanoTime() + Duration.ofSeconds(7).toNanos();
    Conditions.await(
        "7 s of polling",
        BOUND,
        () -> {
          assertEquals("TRANSCRIPT", refresh(service, Map.of()).get("chatIxnState"));
          return System.nanoTime() > until;
        });
    assertTrue(dave.has(chat), "still open after polling");

    Conditions.await("the chat ends once polling stops", BOUND, () -> !dave.has(chat));
    List<List<String>> events = events(refresh(service, Map.of("transcriptPosition", "1")));
    assertEquals(
        List.of("Notice.Left", "CLIENT"), List.of(last(events).get(0), last(events).get(4)));
  }

  @Test
  void shouldEndAbandonedWaitingChat() {
    String owner = "abandoned-" + UUID.randomUUID();
    CometClient customer = connected(owner);
    String service = service("chat-idle", owner);
    startComet(service, owner);

    Map<String, Object> ended = pushedMessage(customer);
    assertEquals("DISCONNECTED", ended.get("chatIxnState"));
    Object[] left = ((Object[]) ((Object[]) ended.get("transcriptToShow"))[0]);
    assertEquals(List.of("Notice.Left", "CLIENT"), List.of(left[0], left[4]));
    Map<String, Object> refreshed = refresh(service, Map.of("transcriptPosition", "1"));
    assertEquals("DISCONNECTED", refreshed.get("chatIxnState"));
    assertEquals("2", refreshed.get("transcriptPosition"), "Notice.Left only: nobody joined");
    dave.ready();
    assertEquals(List.of(), dave.chats(), "the ended chat is not routed");
  }

  @Test
  void shouldRequeueAtHeadForAnotherAgentWhenServiceSaysRequeue() {
    String older = service("chat-lifecycle-b", null);
    assertOkJson(http.postForm("1/service/" + older + "/ixn/chat", Map.of("subject", "older")));
    dave.ready();
    String service = service("chat-requeue", null);
    String chat =
        (String)
            assertOkJson(
                    http.postForm(
                        "1/service/" + service + "/ixn/chat",
                        Map.of("subject", "requeue", "userDisplayName", "Zoe")))
                .get("chatSessionId");
    assertTrue(dave.has(chat));
    assertEquals(List.of("Notice.Joined"), types(refresh(service, Map.of())));

    dave.act(chat, "leave", Map.of());
    Map<String, Object> waiting = refresh(service, Map.of());
    assertEquals("TRANSCRIPT", waiting.get("chatIxnState"), "the chat goes on");
    assertEquals("Chat service is available", waiting.get("chatServiceMessage"));
    assertEquals(List.of(List.of("Notice.Left", "Dave", "AGENT")), who(waiting));
    assertEquals(List.of(), dave.chats(), "not routed back to the agent who left");
    assertError(dave.get("chats/" + chat), 403, "AccessDeniedException");

    erin.ready();
    Conditions.await("Erin takes the re-queued chat", BOUND, () -> erin.has(chat));
    assertEquals(1, erin.chats().size(), "the re-queued chat went before the older one");
    assertEquals(
        List.of(List.of("Notice.Joined", "Erin", "AGENT")), who(refresh(service, Map.of())));
    assertEquals(
        List.of("Notice.Joined", "Notice.Left", "Notice.Joined"),
        erin.transcript(chat).stream().map(e -> e.get(0)).toList());
    erin.act(chat, "send", Map.of("message", "Erin here"));
    assertEquals(List.of("Erin here"), texts(refresh(service, Map.of())));
    assertEquals("ASSIGNED", assertOkJson(erin.get("chats/" + chat)).get("state"));
    assertFalse(dave.has(chat));
  }

  // ------------------------------------------------------------------ helpers

  private CometClient connected(String gmsUser) {
    CometClient client = CometClient.create(base, CometClient.Transport.WEBSOCKET, gmsUser, false);
    comets.add(client);
    assertTrue(client.handshake().isSuccessful());
    assertTrue(client.subscribe("/_genesys").isSuccessful());
    return client;
  }

  private String service(String name, String gmsUser) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http.uri("1/service/" + name))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (gmsUser != null) {
      request.header("gms_user", gmsUser);
    }
    String id = (String) assertOkJson(http.send(request)).get("_id");
    services.add(id);
    return id;
  }

  private String startComet(String service, String owner) {
    return (String)
        assertOkJson(
                http.send(
                    HttpRequest.newBuilder(http.uri("1/service/" + service + "/ixn/chat"))
                        .header("gms_user", owner)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "subject=idle&notify_by=comet&firstName=Buzz"))))
            .get("chatSessionId");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> pushedMessage(CometClient client) {
    Message pushed = client.next();
    Map<String, Object> data = (Map<String, Object>) pushed.getData();
    return (Map<String, Object>) data.get("message");
  }

  /** The one event of the next pushed message (JSON arrays arrive as Object[]). */
  private static Object[] pushedEvent(CometClient client) {
    Object[] events = (Object[]) pushedMessage(client).get("transcriptToShow");
    assertEquals(1, events.length, Arrays.deepToString(events));
    return (Object[]) events[0];
  }

  private Map<String, Object> refresh(String service, Map<String, String> form) {
    return assertOkJson(http.postForm("1/service/" + service + "/ixn/chat/refresh", form));
  }

  @SuppressWarnings("unchecked")
  private static List<List<String>> events(Map<String, Object> answer) {
    return (List<List<String>>) answer.get("transcriptToShow");
  }

  private static List<String> types(Map<String, Object> answer) {
    return events(answer).stream().map(e -> e.get(0)).toList();
  }

  private static List<String> texts(Map<String, Object> answer) {
    return events(answer).stream().map(e -> e.get(2)).toList();
  }

  /** Type, nickname and user type of each event shown. */
  private static List<List<String>> who(Map<String, Object> answer) {
    return events(answer).stream().map(e -> List.of(e.get(0), e.get(1), e.get(4))).toList();
  }

  private static List<String> last(List<List<String>> events) {
    return events.get(events.size() - 1);
  }
}
