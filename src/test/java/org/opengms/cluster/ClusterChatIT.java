package org.opengms.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cometd.bayeux.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengms.testing.AgentClient;
import org.opengms.testing.CometClient;
import org.opengms.testing.Http;

/**
 * A chat across two nodes ({@code .ci/cluster}, like {@link ClusterIT}): the customer's requests go
 * to node 1, the agent's to node 2, both CometD sessions through the balancer (sticky, so each on
 * one node or the other); every event reaches both sides once, in order.
 */
class ClusterChatIT {

  static final String AGENT = "clusteragent";
  static final String AGENT_CHANNEL = "/_opengms/agent";

  private URL balancer;
  private Http customerNode;
  private Http agentNode;
  private final List<CometClient> sessions = new ArrayList<>();
  private AgentClient agent;

  @BeforeEach
  void cluster() throws Exception {
    String lb = System.getProperty("cluster.balancer", "");
    assumeTrue(!lb.isBlank(), "no cluster: run .ci/cluster");
    balancer = URI.create(lb).toURL();
    String[] nodes = System.getProperty("cluster.nodes").split(",");
    customerNode = new Http(URI.create(nodes[0].strip()).toURL());
    agentNode = new Http(URI.create(nodes[1].strip()).toURL());
    agent = new AgentClient(agentNode, AGENT, AGENT);
  }

  @AfterEach
  void close() {
    sessions.forEach(CometClient::close);
    if (agent != null) {
      agent.reset();
    }
  }

  @Test
  void shouldServeAChatStartedOnOneNodeByAnAgentOnTheOtherWithEveryEventOnceInOrder() {
    String owner = "cluster-chat-" + UUID.randomUUID();
    CometClient console =
        CometClient.agent(balancer, CometClient.Transport.WEBSOCKET, AGENT, AGENT);
    sessions.add(console);
    assertTrue(console.handshake().isSuccessful());
    assertTrue(console.subscribe(AGENT_CHANNEL).isSuccessful());
    CometClient customer =
        CometClient.create(balancer, CometClient.Transport.WEBSOCKET, owner, false);
    sessions.add(customer);
    assertTrue(customer.handshake().isSuccessful());
    assertTrue(customer.subscribe("/_genesys").isSuccessful());
    agent.ready();
    assertEquals("presence", data(console).get("type"));

    String service =
        (String)
            assertOkJson(post(customerNode, owner, "1/service/cluster-chat", Map.of())).get("_id");
    String chatPath = "1/service/" + service + "/ixn/chat";
    assertOkJson(
        post(
            customerNode,
            owner,
            chatPath,
            Map.of("subject", "across", "firstName", "Ada", "notify_by", "comet")));

    Map<String, Object> assigned = data(console);
    assertEquals("assigned", assigned.get("type"), assigned.toString());
    @SuppressWarnings("unchecked")
    String chatId = (String) ((Map<String, Object>) assigned.get("chat")).get("chatSessionId");

    // written on both nodes without waiting in between: the chat's row lock orders them
    assertOkJson(post(customerNode, owner, chatPath + "/send", Map.of("message", "c1 on node 1")));
    agent.act(chatId, "send", Map.of("message", "a1 on node 2"));
    assertOkJson(post(agentNode, owner, chatPath + "/send", Map.of("message", "c2 on node 2")));
    new AgentClient(customerNode, AGENT, AGENT)
        .act(chatId, "send", Map.of("message", "a2 on node 1"));
    assertOkJson(post(agentNode, owner, chatPath + "/disconnect", Map.of()));

    List<String> expected =
        List.of(
            "Notice.Joined has joined the session",
            "Message.Text c1 on node 1",
            "Message.Text a1 on node 2",
            "Message.Text c2 on node 2",
            "Message.Text a2 on node 1",
            "Notice.Left has left the session");
    List<String> agentSaw = new ArrayList<>();
    for (int position = 1; position <= expected.size(); position++) {
      Map<String, Object> event = data(console);
      assertEquals("event", event.get("type"), event + " after " + agentSaw);
      assertEquals(Integer.toString(position), event.get("position"), event + " after " + agentSaw);
      Object[] e = (Object[]) event.get("event");
      agentSaw.add(e[0] + " " + e[2]);
    }
    assertEquals(expected, agentSaw);
    Map<String, Object> ended = data(console);
    assertEquals(Map.of("type", "ended", "chatSessionId", chatId, "state", "FINISHED"), ended);

    List<String> customerSaw = new ArrayList<>();
    for (int position = 1; position <= expected.size(); position++) {
      Map<String, Object> data = data(customer);
      assertEquals("service.chat.refresh." + service, data.get("tag"));
      @SuppressWarnings("unchecked")
      Map<String, Object> message = (Map<String, Object>) data.get("message");
      assertEquals(
          Integer.toString(position + 1),
          message.get("transcriptPosition"),
          message + " after " + customerSaw);
      Object[] e = (Object[]) ((Object[]) message.get("transcriptToShow"))[0];
      customerSaw.add(e[0] + " " + e[2]);
    }
    assertEquals(expected, customerSaw);
    assertEquals(0, console.pending(), "the agent got nothing twice");
    assertEquals(0, customer.pending(), "the customer got nothing twice");

    // and the transcript as stored, read on either node
    for (Http node : List.of(customerNode, agentNode)) {
      List<List<String>> transcript = new AgentClient(node, AGENT, AGENT).transcript(chatId);
      assertEquals(
          expected, transcript.stream().map(e -> e.get(0) + " " + e.get(2)).toList(), "stored");
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> data(CometClient session) {
    Message message = session.next();
    return (Map<String, Object>) message.getData();
  }

  static HttpResponse<String> post(Http node, String owner, String path, Map<String, String> form) {
    return node.send(
        HttpRequest.newBuilder(node.uri(path))
            .header("gms_user", owner)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(Http.form(form))));
  }
}
