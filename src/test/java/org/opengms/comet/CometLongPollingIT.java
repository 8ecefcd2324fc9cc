package org.opengms.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.CometClient;
import org.opengms.testing.CometClient.Transport;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/**
 * CometD over long-polling (HTTP POSTs to /genesys/cometd): with the official Java client, and as
 * plain HTTP exactly as the GMS reference shows it.
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CometLongPollingIT extends CometTransportScenarios {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @Override
  Transport transport() {
    return Transport.LONG_POLLING;
  }

  /** CometD's cookie tying a long-polling session to its client (sent back like a browser). */
  private static final String BROWSER_COOKIE = "BAYEUX_BROWSER";

  private String browserCookie;

  @Test
  void shouldAnswerAsGmsReferenceShowsWhenPostedAsPlainHttp() {
    List<Map<String, Object>> handshake =
        post(
            "cometd/handshake",
            "BuzzBrain",
            "[{\"version\":\"1.0\",\"minimumVersion\":\"0.9\",\"channel\":\"/meta/handshake\","
                + "\"supportedConnectionTypes\":[\"long-polling\",\"callback-polling\"],"
                + "\"advice\":{\"timeout\":60000,\"interval\":0},\"id\":\"1\",\"ext\":{\"ack\":true}}]");
    Map<String, Object> reply = handshake.get(0);
    assertEquals(true, reply.get("successful"), reply.toString());
    assertEquals("/meta/handshake", reply.get("channel"));
    assertEquals("1", reply.get("id"));
    assertEquals(Map.of("ack", true), reply.get("ext"));
    assertTrue(((List<?>) reply.get("supportedConnectionTypes")).contains("long-polling"));
    String clientId = (String) reply.get("clientId");
    assertTrue(browserCookie != null, "the handshake sets " + BROWSER_COOKIE);

    Map<String, Object> subscribed = post("cometd", "BuzzBrain", subscribe(clientId, "2")).get(0);
    assertEquals(true, subscribed.get("successful"), subscribed.toString());
    assertEquals("/meta/subscribe", subscribed.get("channel"));
    assertEquals("/_genesys", subscribed.get("subscription"));
    assertEquals("2", subscribed.get("id"));

    Map<String, Object> connected =
        post(
                "cometd/connect",
                "BuzzBrain",
                "[{\"channel\":\"/meta/connect\",\"connectionType\":\"long-polling\","
                    + "\"advice\":{\"timeout\":0},\"id\":\"3\",\"clientId\":\""
                    + clientId
                    + "\",\"ext\":{\"ack\":-1}}]")
            .get(0);
    assertEquals(true, connected.get("successful"), connected.toString());
    assertEquals("/meta/connect", connected.get("channel"));
  }

  @Test
  void shouldRefuseMessagesWhenSentWithAnotherOrNoGmsUser() {
    CometClient alice = handshaken("alice");
    browserCookie = alice.cookie(BROWSER_COOKIE); // the other knows alice's ids, but not her name

    for (String other : new String[] {"mallory", null}) {
      Map<String, Object> reply = post("cometd", other, subscribe(alice.clientId(), "9")).get(0);

      assertEquals(false, reply.get("successful"), reply.toString());
      assertEquals("403::gms_user_mismatch", reply.get("error"), reply.toString());
    }
    assertTrue(alice.subscribe("/_genesys").isSuccessful(), "alice's own session is unharmed");
  }

  private static String subscribe(String clientId, String id) {
    return "[{\"channel\":\"/meta/subscribe\",\"subscription\":\"/_genesys\",\"id\":\""
        + id
        + "\",\"clientId\":\""
        + clientId
        + "\"}]";
  }

  /**
   * A batch of Bayeux messages POSTed as GMS clients do, with {@code gms_user} unless null and with
   * the browser cookie the server set.
   */
  private List<Map<String, Object>> post(String path, String gmsUser, String messages) {
    Http http = new Http(base);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http.uri(path))
            .header("Content-Type", "application/json;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(messages));
    if (gmsUser != null) {
      request.header("gms_user", gmsUser);
    }
    if (browserCookie != null) {
      request.header("Cookie", BROWSER_COOKIE + "=" + browserCookie);
    }
    HttpResponse<String> response = http.send(request);
    assertEquals(200, response.statusCode(), response.body());
    response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(BROWSER_COOKIE + "="))
        .findFirst()
        .ifPresent(c -> browserCookie = c.substring(BROWSER_COOKIE.length() + 1).split(";")[0]);
    return Json.objects(response.body());
  }
}
