package org.opengms.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.CometClient;
import org.opengms.testing.DatabaseIndependent;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/**
 * CometD refuses what it cannot use with Bayeux errors in JSON (4xx), never a container error page;
 * a client's advice cannot hold a long poll longer than {@code [cometd] timeout} (5 s in
 * it-gms.ini).
 */
@DatabaseIndependent
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CometBadInputIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  /** CometD's cookie tying a long-polling session to its client, sent back like a browser. */
  private String browserCookie;

  private HttpResponse<String> post(String body) {
    Http http = new Http(base);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http.uri("cometd"))
            .header("Content-Type", "application/json;charset=UTF-8")
            .header("gms_user", "bad-input")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (browserCookie != null) {
      request.header("Cookie", "BAYEUX_BROWSER=" + browserCookie);
    }
    HttpResponse<String> response = http.send(request);
    response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("BAYEUX_BROWSER="))
        .findFirst()
        .ifPresent(c -> browserCookie = c.substring("BAYEUX_BROWSER=".length()).split(";")[0]);
    return response;
  }

  private static void assertBayeuxError(HttpResponse<String> answer, int status, String body) {
    assertEquals(status, answer.statusCode(), body + " → " + answer.body());
    assertTrue(
        answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        answer.headers().toString());
    Map<String, Object> reply = Json.objects(answer.body()).get(0);
    assertEquals(false, reply.get("successful"), answer.body());
    String error = (String) reply.get("error");
    assertTrue(error.startsWith(status + "::"), error);
    assertTrue(!error.contains("java.") && !error.contains("Exception"), error);
  }

  @Test
  void shouldRefuseMalformedBayeuxWithBayeuxErrors() {
    String deep = "[".repeat(40) + "]".repeat(40);
    for (String body :
        List.of(
            "[{\"channel\":5,\"id\":\"1\"}]",
            "[{\"channel\":null}]",
            "[{\"channel\":[\"/meta/handshake\"]}]",
            "[{\"id\":\"1\"}]",
            "[{\"channel\":\"meta/handshake\"}]",
            "[]",
            "[5]",
            "\"text\"",
            "not json",
            "[{\"channel\":\"/meta/handshake\",\"advice\":{\"timeout\":\"60000\"}}]",
            "[{\"channel\":\"/meta/handshake\",\"advice\":[]}]",
            "[{\"channel\":\"/meta/handshake\",\"ext\":\"x\"}]",
            "[{\"channel\":\"/meta/handshake\",\"supportedConnectionTypes\":[1,2]}]",
            "[{\"channel\":\"/meta/connect\",\"clientId\":{}}]",
            "[{\"channel\":\"/meta/handshake\",\"id\":{}}]",
            "[{\"channel\":\"/meta/subscribe\",\"subscription\":7}]",
            deep,
            "[{\"channel\":\"/meta/handshake\"")) {
      assertBayeuxError(post(body), 400, body);
    }
  }

  @Test
  void shouldRefuseAMessageOverTheSizeLimitWithABayeuxError() {
    String big =
        "[{\"channel\":\"/meta/handshake\",\"ext\":{\"pad\":\"" + "x".repeat(70_000) + "\"}}]";
    assertBayeuxError(post(big), 413, "70 kB");
    assertEquals(200, post(handshake()).statusCode(), "the server is fine after");
  }

  private static String handshake() {
    return "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
        + "\"supportedConnectionTypes\":[\"long-polling\"],\"id\":\"1\"}]";
  }

  @Test
  void shouldHoldALongPollNoLongerThanConfiguredWhateverTheClientAsks() {
    List<Map<String, Object>> shaken = Json.objects(post(handshake()).body());
    String clientId = (String) shaken.get(0).get("clientId");
    String connect =
        "[{\"channel\":\"/meta/connect\",\"connectionType\":\"long-polling\","
            + "\"advice\":{\"timeout\":60000,\"interval\":600000},\"id\":\"%s\",\"clientId\":\""
            + clientId
            + "\"}]";
    // the first connect returns at once; the second is held for the timeout
    Map<String, Object> first = Json.objects(post(connect.formatted("2")).body()).get(0);
    assertEquals(true, first.get("successful"), first.toString());
    long start = System.nanoTime();
    Map<String, Object> held = Json.objects(post(connect.formatted("3")).body()).get(0);
    long heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(true, held.get("successful"), held.toString());
    assertTrue(heldMillis < 15_000, "held " + heldMillis + " ms; asked 60 s, configured 5 s");
    @SuppressWarnings("unchecked")
    Map<String, Object> advice = (Map<String, Object>) held.get("advice");
    if (advice != null && advice.get("interval") instanceof Number interval) {
      assertTrue(interval.longValue() <= 10_000, "interval capped by max_interval: " + advice);
    }
  }

  @Test
  void shouldAnswerAMalformedWebSocketFrameWithABayeuxError() throws Exception {
    URI uri =
        URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/cometd");
    CompletableFuture<String> reply = new CompletableFuture<>();
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("gms_user", "bad-input-ws")
            .buildAsync(
                uri,
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    reply.complete(data.toString());
                    return null;
                  }
                })
            .get(20, TimeUnit.SECONDS);
    socket.sendText("[{\"channel\":5,\"id\":\"1\"}]", true).get(20, TimeUnit.SECONDS);
    String error = (String) Json.objects(reply.get(20, TimeUnit.SECONDS)).get(0).get("error");
    assertTrue(error.startsWith("400::"), error);
    socket.abort();
    try (CometClient client =
        CometClient.create(base, CometClient.Transport.WEBSOCKET, "bad-input-ws2", false)) {
      assertTrue(client.handshake().isSuccessful(), "websocket clients go on");
    }
  }
}
