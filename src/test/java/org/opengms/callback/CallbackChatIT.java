package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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
import org.opengms.testing.Json;
import org.opengms.testing.Multipart;

/**
 * Chat callbacks end to end ({@code _media_type = chat}: the StartChat dialog's {@code
 * _start_chat_url} starts a real chat that an agent of the callback's queue takes) and service
 * storage under a callback's id (it-gms.ini: cb-scen, cb-chat, agent scenagent).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallbackChatIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  private Http http;
  private CallbackClient api;
  private AgentClient agent;
  private AgentClient other;

  @BeforeEach
  void setUp() {
    http = new Http(base);
    api = new CallbackClient(http);
    agent = new AgentClient(http, "scenagent", "scenagent");
    other = new AgentClient(http, "scenagent2", "scenagent2");
  }

  @AfterEach
  void tearDown() {
    agent.reset();
    other.reset();
  }

  private static String number() {
    return "557" + (System.nanoTime() % 10_000_000);
  }

  /** The path under /genesys/ of an absolute URL the server answered. */
  private static String path(Object url) {
    String s = String.valueOf(url);
    return s.substring(s.indexOf("/genesys/") + "/genesys/".length());
  }

  private String startChat(Map<String, Object> dialog) {
    assertEquals("StartChat", dialog.get("_action"), dialog.toString());
    @SuppressWarnings("unchecked")
    Map<String, Object> params = (Map<String, Object>) dialog.get("_chat_parameters");
    Map<String, Object> chat =
        assertOkJson(
            http.postForm(
                path(dialog.get("_start_chat_url")),
                Map.of("subject", String.valueOf(params.get("subject")), "firstName", "Ann")));
    assertEquals("CONNECTED", chat.get("chatIxnState"));
    return (String) chat.get("chatSessionId");
  }

  @Test
  void shouldStartTheChatOfAChatCallbackNowForTheQueuesAgent() {
    agent.ready();
    Map<String, Object> dialog =
        assertOkJson(
            api.start(
                "cb-scen", "{\"_customer_number\":\"" + number() + "\",\"_media_type\":\"chat\"}"));
    String chatId = startChat(dialog);
    Conditions.await("the agent has the chat", Duration.ofSeconds(10), () -> agent.has(chatId));
    agent.act(chatId, "send", Map.of("message", "Hello Ann"));
    String id = (String) dialog.get("_id");
    Map<String, Object> refresh =
        assertOkJson(http.postForm("1/service/" + id + "/ixn/chat/refresh", Map.of()));
    assertTrue(refresh.toString().contains("Hello Ann"), refresh.toString());
    // a second start of the same callback's chat is refused
    assertEquals(
        400,
        http.postForm(path(dialog.get("_start_chat_url")), Map.of("subject", "again"))
            .statusCode());
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldReachTheAgentWhoAcceptedAWaitingChatCallback() {
    String device = "chatcb-" + UUID.randomUUID();
    try (CometClient comet =
        CometClient.create(base, CometClient.Transport.WEBSOCKET, device, false)) {
      assertTrue(comet.handshake().isSuccessful());
      assertTrue(comet.subscribe("/_genesys").isSuccessful());
      Map<String, Object> started =
          assertOkJson(
              api.start(
                  "cb-scen",
                  "{\"_customer_number\":\""
                      + number()
                      + "\",\"_media_type\":\"chat\",\"_wait_for_agent\":\"true\","
                      + "\"_device_os\":\"comet\",\"_device_notification_id\":\""
                      + device
                      + "\"}"));
      String id = (String) started.get("_id");
      assertEquals("We will notify you when agent is available", started.get("_text"));
      assertTrue(
          String.valueOf(((Map<String, Object>) comet.next().getData()).get("message"))
              .contains("wait-for-agent"));

      other.ready(); // ready longest: without the callback's agent the chat would be hers
      agent.ready();
      assertEquals(
          200, api.as("scenagent", "POST", "1/agent/callbacks/" + id + "/accept").statusCode());
      String action = String.valueOf(((Map<String, Object>) comet.next().getData()).get("message"));
      assertTrue(action.contains("\"get-dialog-start-chat\""), action);

      Map<String, Object> dialog =
          assertOkJson(http.get("1/service/" + id + "/get-dialog-start-chat"));
      assertEquals(device, dialog.get("_user_header"));
      String chatId = startChat(dialog);
      Conditions.await(
          "the accepting agent has the chat", Duration.ofSeconds(10), () -> agent.has(chatId));
      assertFalse(other.has(chatId), "the other agent of the queue does not");
    }
  }

  @Test
  void shouldKeepTheCallbacksUserDataInServiceStorage() {
    String id =
        api.started(
            "cb-scen", "{\"_customer_number\":\"" + number() + "\",\"note\":\"broken screen\"}");
    assertEquals(
        Map.of("note", "broken screen"),
        assertOkJson(http.get("1/service/" + id + "/storage")),
        "service parameters (_...) are not user data");
    assertOkJson(http.postForm("1/service/" + id + "/storage", Map.of("model", "X2")));
    assertEquals(
        Map.of("model", "X2"), assertOkJson(http.get("1/service/" + id + "/storage/model")));

    byte[] photo = "not really a png".getBytes(StandardCharsets.UTF_8);
    assertOkJson(
        http.postMultipart(
            "1/service/" + id + "/storage",
            new Multipart().file("photo", "p.png", "image/png", photo)));
    HttpResponse<byte[]> file = http.getBytes("1/service/" + id + "/storage/binary/photo");
    assertEquals(200, file.statusCode());
    assertArrayEquals(photo, file.body());

    // a service parameter is refused and nothing of that request is stored
    HttpResponse<String> bad =
        http.postForm("1/service/" + id + "/storage", Map.of("_secret", "x", "other", "y"));
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals(404, http.get("1/service/" + id + "/storage/other").statusCode());

    assertOkJson(http.delete("1/service/" + id + "/storage/model"));
    assertEquals(404, http.get("1/service/" + id + "/storage/model").statusCode());
    assertEquals(404, http.get("1/service/no-such-callback/storage").statusCode());
    assertEquals(
        "broken screen", Json.object(http.get("1/service/" + id + "/storage").body()).get("note"));

    // the generic Service API: other requests are refused, callbacks start elsewhere
    assertEquals(400, http.postNothing("1/service/" + id + "/status").statusCode());
    assertEquals(405, http.postNothing("1/service/cb-scen").statusCode());
    // DELETE ends the instance (storage, chat), not the callback
    assertEquals(200, http.delete("1/service/" + id).statusCode());
    assertEquals(404, http.get("1/service/" + id + "/storage").statusCode());
    assertEquals("QUEUED", api.state(id));
    assertEquals(200, api.cancel("cb-scen", id).statusCode());
  }
}
