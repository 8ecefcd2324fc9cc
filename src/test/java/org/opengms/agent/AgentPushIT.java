package org.opengms.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AgentClient;
import org.opengms.testing.CometClient;
import org.opengms.testing.CometClient.Transport;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

/**
 * Agents receive their events over CometD on /_opengms/agent, their session opened with HTTP Basic
 * credentials: seen by the official CometD Java client as the agent console uses it (long-polling)
 * and over websocket. The customer side is plain polling.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentPushIT {

  private static final String CHANNEL = "/_opengms/agent";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  private final List<CometClient> clients = new ArrayList<>();
  private final List<AgentClient> agents = new ArrayList<>();

  @AfterEach
  void close() {
    clients.forEach(CometClient::close);
    agents.forEach(AgentClient::reset);
  }

  private CometClient connectedAgent(Transport transport, String login) {
    CometClient client = CometClient.agent(base, transport, login, login);
    clients.add(client);
    Message handshake = client.handshake();
    assertTrue(handshake.isSuccessful(), handshake.toString());
    assertTrue(client.subscribe(CHANNEL).isSuccessful());
    return client;
  }

  private AgentClient agent(Http http, String login) {
    AgentClient agent = new AgentClient(http, login, login);
    agents.add(agent);
    return agent;
  }

  private static String startChat(Http http, String subject) {
    String service =
        (String) assertOkJson(http.postNothing("1/service/agent-push-chat")).get("_id");
    assertOkJson(
        http.postForm(
            "1/service/" + service + "/ixn/chat",
            Map.of("subject", subject, "firstName", "Buzz", "lastName", "Brain")));
    return service;
  }

  @Test
  void shouldPushAssignmentMessagesAndEndToTheAgentOverLongPolling() {
    conversation(Transport.LONG_POLLING);
  }

  @Test
  void shouldPushAssignmentMessagesAndEndToTheAgentOverWebSocket() {
    conversation(Transport.WEBSOCKET);
  }

  private void conversation(Transport transport) {
    Http http = new Http(base);
    CometClient console = connectedAgent(transport, "pushagent1");
    AgentClient agent = agent(http, "pushagent1");
    agent.ready();
    assertEquals(Map.of("type", "presence", "login", "pushagent1", "ready", true), data(console));

    String service = startChat(http, "push " + transport);
    Map<String, Object> assigned = data(console);
    assertEquals("assigned", assigned.get("type"));
    Map<String, Object> chat = map(assigned.get("chat"));
    String chatId = (String) chat.get("chatSessionId");
    assertEquals(service, chat.get("serviceId"));
    assertEquals("ASSIGNED", chat.get("state"));
    assertEquals("push " + transport, chat.get("subject"));
    assertEquals("Buzz Brain", map(chat.get("customer")).get("nickname"));
    assertEquals("1", chat.get("transcriptPosition"));
    assertTrue(agent.has(chatId));

    assertEvent(data(console), chatId, "1", "Notice.Joined", "Dana", "AGENT");

    http.postForm("1/service/" + service + "/ixn/chat/send", Map.of("message", "hello agent"));
    Map<String, Object> customerMessage = data(console);
    assertEvent(customerMessage, chatId, "2", "Message.Text", "Buzz Brain", "CLIENT");
    assertEquals("hello agent", array(customerMessage.get("event"))[2]);

    http.postNothing("1/service/" + service + "/ixn/chat/startTyping");
    assertEvent(data(console), chatId, "3", "Notice.TypingStarted", "Buzz Brain", "CLIENT");

    // the agent's own events come back too, so every console of the agent shows them
    agent.act(chatId, "send", Map.of("message", "hello customer"));
    assertEvent(data(console), chatId, "4", "Message.Text", "Dana", "AGENT");

    http.postNothing("1/service/" + service + "/ixn/chat/disconnect");
    assertEvent(data(console), chatId, "5", "Notice.Left", "Buzz Brain", "CLIENT");
    assertEquals(
        Map.of("type", "ended", "chatSessionId", chatId, "state", "FINISHED"), data(console));
    assertFalse(agent.has(chatId));
    assertEquals(0, console.pending());
  }

  @Test
  void shouldPushEndToTheAgentWhoLeaves() {
    Http http = new Http(base);
    CometClient console = connectedAgent(Transport.LONG_POLLING, "pushagent1");
    AgentClient agent = agent(http, "pushagent1");
    agent.ready();
    data(console); // presence
    startChat(http, "leave");
    String chatId = (String) map(data(console).get("chat")).get("chatSessionId");
    data(console); // Notice.Joined

    agent.act(chatId, "leave", Map.of());
    assertEvent(data(console), chatId, "2", "Notice.Left", "Dana", "AGENT");
    assertEquals(
        Map.of("type", "ended", "chatSessionId", chatId, "state", "FINISHED"), data(console));
  }

  @Test
  void shouldPushRequeuedChatToTheNextAgentWithItsPosition() {
    Http http = new Http(base);
    CometClient first = connectedAgent(Transport.LONG_POLLING, "pushagent1");
    CometClient second = connectedAgent(Transport.WEBSOCKET, "pushagent2");
    AgentClient firstAgent = agent(http, "pushagent1");
    AgentClient secondAgent = agent(http, "pushagent2");
    firstAgent.ready();
    data(first); // presence
    String service =
        (String) assertOkJson(http.postNothing("1/service/agent-push-requeue")).get("_id");
    assertOkJson(http.postForm("1/service/" + service + "/ixn/chat", Map.of("subject", "requeue")));
    String chatId = (String) map(data(first).get("chat")).get("chatSessionId");
    data(first); // Notice.Joined at 1

    firstAgent.act(chatId, "leave", Map.of());
    assertEvent(data(first), chatId, "2", "Notice.Left", "Dana", "AGENT");
    assertEquals(Map.of("type", "ended", "chatSessionId", chatId, "state", "WAITING"), data(first));

    secondAgent.ready();
    assertEquals("presence", data(second).get("type"));
    Map<String, Object> chat = map(data(second).get("chat"));
    assertEquals(chatId, chat.get("chatSessionId"));
    assertEquals("3", chat.get("transcriptPosition"), "two events before this agent joined");
    assertEvent(data(second), chatId, "3", "Notice.Joined", "Eve", "AGENT");
    assertEquals(0, first.pending(), "the agent who left hears no more of it");
  }

  @Test
  void shouldDeliverToEachAgentOnlyTheirOwnEvents() {
    Http http = new Http(base);
    CometClient first = connectedAgent(Transport.LONG_POLLING, "pushagent1");
    CometClient second = connectedAgent(Transport.WEBSOCKET, "pushagent2");
    AgentClient firstAgent = agent(http, "pushagent1");
    AgentClient secondAgent = agent(http, "pushagent2");
    firstAgent.ready();
    assertEquals("presence", data(first).get("type"));

    String service = startChat(http, "only mine");
    String chatId = (String) map(data(first).get("chat")).get("chatSessionId");
    data(first); // Notice.Joined
    http.postForm("1/service/" + service + "/ixn/chat/send", Map.of("message", "secret"));
    assertEvent(data(first), chatId, "2", "Message.Text", "Buzz Brain", "CLIENT");

    // Messages reach a session in order: had the second agent been sent any of the first's
    // events, they would come before its own presence.
    secondAgent.notReady();
    assertEquals(Map.of("type", "presence", "login", "pushagent2", "ready", false), data(second));
    assertEquals(0, second.pending());
  }

  @Test
  void shouldRefuseHandshakeWithoutAgentCredentials() {
    CometClient wrongPassword =
        CometClient.agent(base, Transport.LONG_POLLING, "pushagent1", "wrong");
    clients.add(wrongPassword);
    Message refused = wrongPassword.handshake();
    assertFalse(refused.isSuccessful());
    assertEquals("403::handshake_denied", refused.get(Message.ERROR_FIELD));

    CometClient notAgent = CometClient.agent(base, Transport.WEBSOCKET, "stats", "stats");
    clients.add(notAgent);
    assertFalse(notAgent.handshake().isSuccessful());

    CometClient unknown = CometClient.agent(base, Transport.LONG_POLLING, "nobody", "nobody");
    clients.add(unknown);
    assertFalse(unknown.handshake().isSuccessful());
  }

  @Test
  void shouldKeepTheAgentChannelToAgentsAndClosedToPublishers() {
    CometClient customer =
        CometClient.create(base, Transport.LONG_POLLING, "customer-of-push-it", false);
    clients.add(customer);
    assertTrue(customer.handshake().isSuccessful());
    Message subscribe = customer.subscribe(CHANNEL);
    assertFalse(subscribe.isSuccessful(), "a gms_user session may not listen to agents");
    assertTrue(
        String.valueOf(subscribe.get(Message.ERROR_FIELD)).contains("subscribe_denied"),
        subscribe.toString());

    CometClient console = connectedAgent(Transport.LONG_POLLING, "pushagent1");
    Message publish = console.publish(CHANNEL, Map.of("type", "assigned"));
    assertFalse(publish.isSuccessful(), "nobody publishes on the agent channel");
    assertTrue(
        String.valueOf(publish.get(Message.ERROR_FIELD)).contains("publish_denied"),
        publish.toString());
  }

  @Test
  void shouldRefuseLaterMessagesWithOtherCredentials() {
    CometClient console = connectedAgent(Transport.LONG_POLLING, "pushagent1");
    console.authorization(Http.basic("pushagent2", "pushagent2"));
    Message subscribe = console.subscribe("/_genesys");
    assertFalse(subscribe.isSuccessful());
    assertEquals("403::authorization_mismatch", subscribe.get(Message.ERROR_FIELD));
    console.authorization(Http.basic("pushagent1", "pushagent1")); // to disconnect
  }

  private static void assertEvent(
      Map<String, Object> data,
      String chatId,
      String position,
      String type,
      String nickname,
      String userType) {
    assertEquals("event", data.get("type"), data.toString());
    assertEquals(chatId, data.get("chatSessionId"));
    assertEquals(position, data.get("position"), data.toString());
    Object[] event = array(data.get("event"));
    assertEquals(5, event.length);
    assertArrayEquals(
        new Object[] {type, nickname, userType},
        new Object[] {event[0], event[1], event[4]},
        java.util.Arrays.toString(event));
  }

  /** A JSON array as the CometD Java client reads it: Object[] or a List, by transport. */
  private static Object[] array(Object value) {
    return value instanceof List<?> list ? list.toArray() : (Object[]) value;
  }

  private static Map<String, Object> data(CometClient client) {
    Message message = client.next();
    assertEquals(CHANNEL, message.getChannel());
    return map(message.getData());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
