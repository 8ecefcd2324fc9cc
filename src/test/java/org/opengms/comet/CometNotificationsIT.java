package org.opengms.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.AgentClient;
import org.opengms.testing.CometClient;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;

/**
 * The production paths that push over CometD, seen by the official CometD Java client: comet
 * notifications of the Notification API, and the chat events of a notify_by=comet chat.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CometNotificationsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  private final List<CometClient> clients = new ArrayList<>();

  @AfterEach
  void close() {
    clients.forEach(CometClient::close);
  }

  private CometClient connected(String gmsUser) {
    CometClient client = CometClient.create(base, CometClient.Transport.WEBSOCKET, gmsUser, false);
    clients.add(client);
    assertTrue(client.handshake().isSuccessful());
    assertTrue(client.subscribe("/_genesys").isSuccessful());
    return client;
  }

  private void subscribeComet(Http http, String gmsUser, String filter) {
    assertOkJson(
        http.send(
            HttpRequest.newBuilder(http.uri("1/notification/subscription"))
                .header("Content-Type", "application/json")
                .header("gms_user", gmsUser)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"subscriberId\":\""
                            + gmsUser
                            + "\",\"filter\":\""
                            + filter
                            + "\",\"notificationDetails\":{\"type\":\"comet\"}}"))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldPushPublishedEventToSubscribedUserOnly() {
    Http http = new Http(base);
    String root = "c" + UUID.randomUUID().toString().replace("-", "");
    String alice = "alice-" + root;
    String bob = "bob-" + root;
    CometClient aliceClient = connected(alice);
    CometClient bobClient = connected(bob);
    subscribeComet(http, alice, root + ".alice.*");
    subscribeComet(http, bob, root + ".bob.*");

    assertEquals(
        200,
        http.post(
                "1/notification/publish",
                "application/json",
                "{\"tag\":\"" + root + ".alice.agent.available\",\"message\":\"agent ready\"}")
            .statusCode());

    Message pushed = aliceClient.next();
    assertEquals("/_genesys", pushed.getChannel());
    Map<String, Object> data = (Map<String, Object>) pushed.getData();
    assertEquals("agent ready", data.get("message"));
    assertEquals(root + ".alice.agent.available", data.get("tag"));
    assertTrue(String.valueOf(data.get("id")).matches("[0-9a-f]{32}"), data.toString());
    assertEquals(0, bobClient.pending(), "bob's sessions got nothing");
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldPushChatEventsToTheChatOwner() {
    Http http = new Http(base);
    String owner = "customer-" + UUID.randomUUID();
    CometClient customer = connected(owner);
    String service =
        (String)
            assertOkJson(
                    http.send(
                        HttpRequest.newBuilder(http.uri("1/service/comet-chat"))
                            .header("gms_user", owner)
                            .POST(HttpRequest.BodyPublishers.noBody())))
                .get("_id");
    assertOkJson(
        http.send(
            HttpRequest.newBuilder(http.uri("1/service/" + service + "/ixn/chat"))
                .header("gms_user", owner)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "subject=comet&notify_by=comet&firstName=Buzz"))));
    AgentClient agent = new AgentClient(http, "cometagent", "cometagent");
    agent.ready();
    try {
      Conditions.await(
          "the agent was given the chat", Duration.ofSeconds(20), () -> !agent.chats().isEmpty());

      Message pushed = customer.next();
      Map<String, Object> data = (Map<String, Object>) pushed.getData();
      assertEquals("service.chat.refresh." + service, data.get("tag"));
      Map<String, Object> message = (Map<String, Object>) data.get("message");
      assertEquals("TRANSCRIPT", message.get("chatIxnState"));
      // the CometD Java client reads JSON arrays as Object[]
      Object[] events = (Object[]) message.get("transcriptToShow");
      Object[] first = (Object[]) events[0];
      assertEquals("Notice.Joined", first[0], Arrays.deepToString(events));
      assertEquals("AGENT", first[4]);
    } finally {
      agent.notReady();
    }
  }
}
