package org.opengms.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengms.testing.CometClient;
import org.opengms.testing.CometClient.Transport;
import org.opengms.testing.Conditions;

/**
 * What a CometD client may and may not do, over one transport (the subclasses pick it): the {@code
 * gms_user} rule of the handshake, the {@code /_genesys} channel, and the ack extension.
 */
abstract class CometTransportScenarios {

  @ArquillianResource URL base;

  private final List<CometClient> clients = new ArrayList<>();

  abstract Transport transport();

  CometClient client(String gmsUser, boolean acknowledge) {
    CometClient client = CometClient.create(base, transport(), gmsUser, acknowledge);
    clients.add(client);
    return client;
  }

  CometClient handshaken(String gmsUser) {
    CometClient client = client(gmsUser, false);
    assertSuccessful(client.handshake());
    return client;
  }

  @AfterEach
  void closeClients() {
    clients.forEach(CometClient::close);
  }

  @Test
  void shouldHandshakeOverTransportWhenGmsUserSent() {
    CometClient client = client("alice", false);

    Message reply = client.handshake();

    assertSuccessful(reply);
    assertTrue(reply.getClientId() != null && !reply.getClientId().isBlank(), reply.toString());
    assertEquals(transport().bayeuxName, client.transportName());
    Conditions.await("connected", CometClient.WAIT, client::isConnected);
  }

  @Test
  void shouldAdmitHandshakeWithoutGmsUserForChatV2ChannelsOnly() {
    CometClient client = client(null, false);

    assertSuccessful(client.handshake());

    assertDenied(client.subscribe("/_genesys"), "service_only:subscribe_denied");
    assertDenied(client.subscribe("/_opengms/agent"), "service_only:subscribe_denied");
    assertDenied(client.publish("/service/echo", Map.of("text", "hi")), "channel_create_denied");
    assertSuccessful(client.subscribe("/service/chatV2/chat-v2"));
  }

  @Test
  void shouldRefuseHandshakeWhenUserHasTooManySessions() {
    String user = "crowded-" + transport().bayeuxName;
    CometClient first = handshaken(user);
    handshaken(user);
    handshaken(user); // it-gms.ini: max_sessions_per_user = 3

    Message refused = client(user, false).handshake();
    assertEquals("403::handshake_denied", refused.get(Message.ERROR_FIELD), refused.toString());

    first.close();
    assertSuccessful(client(user, false).handshake());
  }

  @Test
  void shouldSubscribeToGenesysChannel() {
    CometClient client = handshaken("alice");

    assertSuccessful(client.subscribe("/_genesys"));
  }

  @Test
  void shouldRefusePublishToGenesysChannel() {
    CometClient client = handshaken("alice");
    assertSuccessful(client.subscribe("/_genesys"));

    Message reply = client.publish("/_genesys", Map.of("message", "forged"));

    assertDenied(reply, "publish_denied");
    assertEquals(0, client.pending(), "nothing was published");
  }

  @Test
  void shouldRefuseOtherChannelsWhenSubscribingOrPublishing() {
    CometClient client = handshaken("alice");

    assertDenied(client.subscribe("/chat/room"), "create_denied");
    assertDenied(client.subscribe("/**"), "subscribe_denied");
    assertDenied(client.subscribe("/*"), "create_denied");
    assertDenied(client.publish("/chat/room", Map.of("text", "hi")), "channel_create_denied");
    assertDenied(client.publish("/service/echo", Map.of("text", "hi")), "channel_create_denied");
    assertTrue(client.isConnected(), "a refused operation does not end the session");
  }

  @Test
  void shouldOfferAcknowledgementsWhenClientEnablesThem() {
    CometClient client = client("alice", true);

    Message reply = client.handshake();

    assertSuccessful(reply);
    assertEquals(Boolean.TRUE, reply.getExt().get("ack"), reply.toString());
    Conditions.await(
        "a /meta/connect reply", CometClient.WAIT, () -> !client.connectReplies().isEmpty());
    Message connect = client.connectReplies().get(0);
    assertInstanceOf(Number.class, connect.getExt().get("ack"), connect.toString());
  }

  static void assertSuccessful(Message reply) {
    assertTrue(reply.isSuccessful(), reply.toString());
  }

  static void assertDenied(Message reply, String error) {
    assertFalse(reply.isSuccessful(), reply.toString());
    String actual = String.valueOf(reply.get(Message.ERROR_FIELD));
    assertTrue(actual.startsWith("403:") && actual.endsWith(":" + error), reply.toString());
  }
}
