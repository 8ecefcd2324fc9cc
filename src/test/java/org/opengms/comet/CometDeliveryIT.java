package org.opengms.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cometd.bayeux.Message;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.CometClient;
import org.opengms.testing.CometClient.Transport;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;

/**
 * Delivery to one user through {@link UserMessenger}, over both transports: the clients run here
 * (steps marked {@link RunAsClient}), the sending runs inside the server with the application's own
 * bean (the other steps), in this order: connect, send, receive, disconnect, forget.
 *
 * <p>Per transport, alice has two devices (one with the ack extension) and bob one. The proof that
 * bob gets nothing of alice's: bob's first message is the one sent to him after alice's.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CometDeliveryIT {

  private static final String[] TRANSPORTS = {"long-polling", "websocket"};

  @Deployment
  static WebArchive deployment() {
    return Deployments.war().addClass(Conditions.class); // used inside the server too
  }

  @ArquillianResource URL base;

  @Inject UserMessenger messenger;

  private static String alice(String transport) {
    return "alice-" + transport;
  }

  private static String bob(String transport) {
    return "bob-" + transport;
  }

  @Test
  @Order(1)
  @RunAsClient
  void shouldConnectTwoDevicesOfAliceAndOneOfBob() {
    for (Transport transport : Transport.values()) {
      String name = transport.bayeuxName;
      Devices.connect(base, alice(name) + "/phone", transport, alice(name), false);
      Devices.connect(base, alice(name) + "/tablet", transport, alice(name), true);
      Devices.connect(base, bob(name) + "/phone", transport, bob(name), false);
    }
  }

  @Test
  @Order(2)
  void shouldHandMessageToEverySessionOfTheUserOnlyWhenSent() {
    for (String transport : TRANSPORTS) {
      assertTrue(messenger.isConnected(alice(transport)));
      assertEquals(
          2, messenger.send(alice(transport), "test.first", Map.of("text", "for alice", "n", 1)));
      assertEquals(2, messenger.send(alice(transport), "test.second", Map.of("n", 2)));
      assertEquals(1, messenger.send(bob(transport), "test.bob", "for bob"));
    }
    assertFalse(messenger.isConnected("nobody"));
    assertEquals(0, messenger.send("nobody", "test.none", "lost"));
  }

  @Test
  @Order(3)
  @RunAsClient
  void shouldReceiveEnvelopeOnEveryDeviceOfTheUserOnly() {
    for (String transport : TRANSPORTS) {
      Map<String, Object> phone = data(Devices.get(alice(transport) + "/phone").next());
      Map<String, Object> tablet = data(Devices.get(alice(transport) + "/tablet").next());

      assertEquals("test.first", phone.get("tag"), phone.toString());
      assertEquals(Map.of("text", "for alice", "n", 1L), phone.get("message"), "numbers as longs");
      assertTrue(String.valueOf(phone.get("id")).matches("[0-9a-f]{32}"), phone.toString());
      assertEquals(phone, tablet, "both devices get the same envelope, id included");
      for (String device : new String[] {"/phone", "/tablet"}) {
        Map<String, Object> second = data(Devices.get(alice(transport) + device).next());
        assertEquals("test.second", second.get("tag"), "in order on " + device);
        assertNotEquals(phone.get("id"), second.get("id"), "every send has its own id");
      }

      Map<String, Object> bobs = data(Devices.get(bob(transport) + "/phone").next());
      assertEquals("test.bob", bobs.get("tag"), "bob got nothing of alice's: " + bobs);
      assertEquals("for bob", bobs.get("message"));
      assertEquals(0, Devices.get(bob(transport) + "/phone").pending());
    }
  }

  @Test
  @Order(4)
  @RunAsClient
  void shouldLoseAlicesPhoneAndDisconnectTheOthers() {
    for (String transport : TRANSPORTS) {
      Devices.get(alice(transport) + "/phone").vanish();
    }
    Devices.closeAll();
  }

  @Test
  @Order(5)
  void shouldForgetUsersWhenTheirSessionsAreGone() {
    for (String transport : TRANSPORTS) {
      assertFalse(messenger.isConnected(bob(transport)), "disconnected: gone at once");
    }
    // The vanished phones: removed when their sessions expire (it-gms.ini: max_interval 10 s after
    // the last /meta/connect, which a long poll may hold for up to timeout = 5 s).
    Conditions.await(
        "alice's silent sessions expired",
        Duration.ofSeconds(45),
        () -> Arrays.stream(TRANSPORTS).noneMatch(t -> messenger.isConnected(alice(t))));
    for (String transport : TRANSPORTS) {
      assertEquals(0, messenger.send(alice(transport), "test.late", "nobody listens"));
    }
  }

  @AfterAll
  static void closeAll() {
    Devices.closeAll();
  }

  private static Map<String, Object> data(Message message) {
    assertEquals("/_genesys", message.getChannel(), message.toString());
    return message.getDataAsMap();
  }

  /**
   * The clients, by "user/device", kept between the steps run here. Apart from the test class so
   * that its method signatures name no client class: inside the server, where the client library is
   * absent, JUnit inspects the test class but never this one.
   */
  private static final class Devices {

    private static final Map<String, CometClient> CLIENTS = new ConcurrentHashMap<>();

    static void connect(
        URL base, String key, Transport transport, String gmsUser, boolean acknowledge) {
      CometClient client = CometClient.create(base, transport, gmsUser, acknowledge);
      CLIENTS.put(key, client);
      Message reply = client.handshake();
      assertTrue(reply.isSuccessful(), key + ": " + reply);
      assertTrue(client.subscribe("/_genesys").isSuccessful(), key);
      assertEquals(transport.bayeuxName, client.transportName(), key);
    }

    static CometClient get(String key) {
      return CLIENTS.get(key);
    }

    /** A plain loop: without clients (inside the server) it loads no client class. */
    static void closeAll() {
      for (CometClient client : CLIENTS.values()) {
        client.close();
      }
      CLIENTS.clear();
    }
  }
}
