package org.opengms.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
import org.opengms.testing.CometClient;
import org.opengms.testing.Conditions;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/**
 * CometD clients written for real GMS: long-polling clients that return no BAYEUX_BROWSER cookie
 * (the reference's own traces send none) and browsers on websocket that name their user in the
 * handshake's ext, since they cannot set headers.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CometClientCompatIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;
  String root;
  final List<CometClient> clients = new ArrayList<>();

  @BeforeEach
  void client() {
    http = new Http(base);
    root = "compat" + UUID.randomUUID().toString().replace("-", "");
  }

  @AfterEach
  void close() {
    clients.forEach(CometClient::close);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldKeepLongPollingSessionWhenClientSendsNoCookieButSameGmsUser() {
    String user = "nocookie-" + root;
    Map<String, Object> handshake =
        post(
                "cometd/handshake",
                user,
                "[{\"version\":\"1.0\",\"channel\":\"/meta/handshake\","
                    + "\"supportedConnectionTypes\":[\"long-polling\"],\"id\":\"1\"}]")
            .get(0);
    assertEquals(true, handshake.get("successful"), handshake.toString());
    String clientId = (String) handshake.get("clientId");

    Map<String, Object> subscribed = post("cometd", user, subscribe(clientId, "2")).get(0);
    assertEquals(true, subscribed.get("successful"), subscribed.toString());
    subscribeComet(user, root + ".*");
    assertEquals(
        200,
        http.post(
                "1/notification/publish",
                "application/json",
                "{\"tag\":\"" + root + ".ready\",\"message\":\"hello without cookie\"}")
            .statusCode());

    List<Map<String, Object>> received = new ArrayList<>();
    Conditions.await(
        "the pushed event in a /meta/connect reply sent without cookie",
        Duration.ofSeconds(15),
        () -> {
          List<Map<String, Object>> replies = post("cometd/connect", user, connect(clientId));
          for (Map<String, Object> reply : replies) {
            if ("/meta/connect".equals(reply.get("channel"))) {
              assertEquals(true, reply.get("successful"), reply.toString());
            } else {
              received.add(reply);
            }
          }
          return !received.isEmpty();
        });
    assertEquals("/_genesys", received.get(0).get("channel"));
    assertEquals(
        "hello without cookie", ((Map<String, Object>) received.get(0).get("data")).get("message"));

    Map<String, Object> other = post("cometd", "mallory-" + root, subscribe(clientId, "9")).get(0);
    assertEquals(false, other.get("successful"), other.toString());
    assertEquals("403::gms_user_mismatch", other.get("error"), other.toString());
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldBindUserFromHandshakeExtWhenWebSocketSendsNoHeader() {
    String user = "ext-" + root;
    CometClient browser = CometClient.create(base, CometClient.Transport.WEBSOCKET, null, false);
    clients.add(browser);

    Message handshake = browser.handshake(Map.of("ext", Map.of("gms_user", user)));

    assertTrue(handshake.isSuccessful(), handshake.toString());
    assertEquals("websocket", browser.transportName());
    assertTrue(browser.subscribe("/_genesys").isSuccessful());
    subscribeComet(user, root + ".*");
    http.post(
        "1/notification/publish",
        "application/json",
        "{\"tag\":\"" + root + ".x\",\"message\":\"hello over websocket\"}");
    Message pushed = browser.next();
    assertEquals("/_genesys", pushed.getChannel());
    assertEquals("hello over websocket", ((Map<String, Object>) pushed.getData()).get("message"));
  }

  @Test
  void shouldGiveNoUserChannelWithNeitherHeaderNorExt() {
    CometClient nobody = CometClient.create(base, CometClient.Transport.WEBSOCKET, null, false);
    clients.add(nobody);
    // a blank ext.gms_user names nobody: a Chat API v2 session, kept off the user channel
    Message admitted = nobody.handshake(Map.of("ext", Map.of("gms_user", " ")));
    assertTrue(admitted.isSuccessful(), admitted.toString());
    Message refused = nobody.subscribe("/_genesys");
    assertFalse(refused.isSuccessful(), refused.toString());
    String error = String.valueOf(refused.get(Message.ERROR_FIELD));
    assertTrue(error.startsWith("403:") && error.endsWith("service_only:subscribe_denied"), error);
  }

  private void subscribeComet(String gmsUser, String filter) {
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

  private static String subscribe(String clientId, String id) {
    return "[{\"channel\":\"/meta/subscribe\",\"subscription\":\"/_genesys\",\"id\":\""
        + id
        + "\",\"clientId\":\""
        + clientId
        + "\"}]";
  }

  private static String connect(String clientId) {
    return "[{\"channel\":\"/meta/connect\",\"connectionType\":\"long-polling\","
        + "\"advice\":{\"timeout\":0},\"clientId\":\""
        + clientId
        + "\"}]";
  }

  /** Bayeux messages POSTed with {@code gms_user} and, as GMS clients do, no cookie at all. */
  private List<Map<String, Object>> post(String path, String gmsUser, String messages) {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "application/json;charset=UTF-8")
                .header("gms_user", gmsUser)
                .POST(HttpRequest.BodyPublishers.ofString(messages)));
    assertEquals(200, response.statusCode(), response.body());
    return Json.objects(response.body());
  }
}
