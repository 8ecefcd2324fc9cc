package org.opengms.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
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
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

/** The Agent API: presence, routing, and agents acting only on their own chats. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  AgentClient alice;
  AgentClient bob;
  final List<String> services = new ArrayList<>();

  @BeforeEach
  void client() {
    http = new Http(base);
    alice = new AgentClient(http, "agent1", "agent1");
    bob = new AgentClient(http, "agent2", "agent2");
  }

  @AfterEach
  void cleanUp() {
    for (String id : services) {
      http.postForm("1/service/" + id + "/ixn/chat/disconnect", Map.of());
    }
    alice.reset();
    bob.reset();
  }

  @Test
  void shouldRefuseWhenNotAnAgent() {
    assertError(http.get("1/agent/me"), 401, "AuthenticationRequiredException");
    assertError(
        new AgentClient(http, "agent1", "wrong").get("me"), 401, "AuthenticationRequiredException");
    assertError(new AgentClient(http, "stats", "stats").get("me"), 403, "AccessDeniedException");
  }

  @Test
  void shouldReportPresenceAndPollStatusWhenReadyOrNot() {
    String poll =
        (String) assertOkJson(http.postForm("1/service/request-chat-poll", Map.of())).get("_id");
    assertEquals("waiting", status(poll));

    Map<String, Object> ready = bob.ready();
    assertEquals(true, ready.get("ready"));
    assertEquals("Bob", ready.get("nickname"));
    assertEquals(2, ((Number) ready.get("maxChats")).intValue());
    assertEquals("available", status(poll));
    String waiting =
        (String) assertOkJson(http.postForm("1/service/chat-poll-waiting", Map.of())).get("_id");
    assertEquals("waiting", status(waiting), "nobody serves its queue");

    assertEquals(false, bob.notReady().get("ready"));
    assertEquals(false, assertOkJson(bob.get("me")).get("ready"));
    assertEquals("waiting", status(poll));
  }

  @Test
  void shouldGiveLongestWaitingChatsFirstWithinCapacity() {
    String first = startChat("first");
    String second = startChat("second");
    String third = startChat("third");

    bob.ready();
    Conditions.await("two assigned", Duration.ofSeconds(10), () -> bob.chats().size() == 2);
    List<Object> ids = bob.chats().stream().map(c -> c.get("chatSessionId")).toList();
    assertEquals(List.of(first, second), ids);
    assertEquals("waiting", statusOfFull());

    bob.act(first, "leave", Map.of());
    Conditions.await("third assigned", Duration.ofSeconds(10), () -> bob.has(third));
    assertFalse(bob.has(first));
  }

  @Test
  void shouldRefuseWhenAgentActsOnAnotherAgentsChat() {
    String chat = startChat("mine");
    alice.ready();
    Conditions.await("assigned to Alice", Duration.ofSeconds(10), () -> alice.has(chat));
    int before = alice.transcript(chat).size();

    assertError(
        bob.post("chats/" + chat + "/send", Map.of("message", "hijack")),
        403,
        "AccessDeniedException");
    assertError(bob.post("chats/" + chat + "/leave", Map.of()), 403, "AccessDeniedException");
    assertError(bob.get("chats/" + chat), 403, "AccessDeniedException");
    assertError(
        bob.post("chats/0000000000000000/send", Map.of("message", "x")),
        404,
        "ResourceNotFoundException");
    assertEquals(before, alice.transcript(chat).size(), "nothing changed");
    assertTrue(alice.has(chat));
  }

  @Test
  void shouldAddPushUrlNoticeWhenAgentPushesUrl() {
    String chat = startChat("url");
    alice.ready();
    Conditions.await("assigned", Duration.ofSeconds(10), () -> alice.has(chat));

    alice.act(chat, "pushUrl", Map.of("url", "https://example.com/help"));
    List<String> last = alice.transcript(chat).get(1);
    assertEquals(
        List.of("Notice.PushUrl", "Alice", "https://example.com/help"), last.subList(0, 3));
    assertError(
        alice.post("chats/" + chat + "/pushUrl", Map.of("url", "javascript:alert(1)")),
        400,
        "InvalidRequestException");
    assertError(
        alice.post("chats/" + chat + "/send", Map.of("message", "y".repeat(101))),
        413,
        "PayloadTooLargeException");
    assertEquals(2, alice.transcript(chat).size());
  }

  private String status(String id) {
    return (String)
        assertOkJson(http.postForm("1/service/" + id + "/status", Map.of())).get("_status");
  }

  private String statusOfFull() {
    String poll =
        (String) assertOkJson(http.postForm("1/service/request-chat-poll", Map.of())).get("_id");
    return status(poll);
  }

  private String startChat(String subject) {
    String id = (String) assertOkJson(http.postForm("1/service/request-chat", Map.of())).get("_id");
    services.add(id);
    return (String)
        assertOkJson(http.postForm("1/service/" + id + "/ixn/chat", Map.of("subject", subject)))
            .get("chatSessionId");
  }
}
