package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.CallbackReceiver;
import org.opengms.testing.CometClient;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;

/**
 * Scenario parameters a GMS client sends per request ({@code _media_type}, {@code _call_direction},
 * {@code _wait_for_agent}, {@code _wait_for_user_confirm}, {@code _provide_code}), the dialogs and
 * device notifications each produces, dialogs fetched with GET, {@code
 * _agent_ready_threshold_passed}, status notifications, and cancel with {@code discard_ors_failure}
 * (it-gms.ini: cb-scen, cb-listed).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallbackScenariosIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  private Http http;
  private CallbackClient api;

  @BeforeEach
  void setUp() {
    http = new Http(base);
    api = new CallbackClient(http);
  }

  private static String number() {
    return "556" + (System.nanoTime() % 10_000_000);
  }

  private Map<String, Object> start(String extra) {
    HttpResponse<String> r =
        api.start("cb-scen", "{\"_customer_number\":\"" + number() + "\"" + extra + "}");
    return assertOkJson(r);
  }

  private HttpResponse<String> getAbsolute(String url) {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  @Test
  void shouldAnswerTheDialogOfEachScenarioAtStart() {
    Map<String, Object> voiceNow = start("");
    assertEquals("ConfirmationDialog", voiceNow.get("_action"));
    assertEquals("You will receive the call shortly", voiceNow.get("_text"));

    Map<String, Object> dialIn = start(",\"_call_direction\":\"USERORIGINATED\"");
    assertEquals("DialNumber", dialIn.get("_action"));
    assertEquals("tel:+15550100", dialIn.get("_tel_url"));
    assertEquals("n/a", dialIn.get("_access_code"));

    Map<String, Object> waiting = start(",\"_wait_for_agent\":\"true\"");
    assertEquals("We will notify you when agent is available", waiting.get("_text"));

    Map<String, Object> chatNow = start(",\"_media_type\":\"chat\"");
    assertEquals("StartChat", chatNow.get("_action"));
    assertTrue(
        String.valueOf(chatNow.get("_start_chat_url"))
            .endsWith("/genesys/1/service/" + chatNow.get("_id") + "/ixn/chat"),
        chatNow.toString());
    assertTrue(String.valueOf(chatNow.get("_comet_url")).endsWith("/genesys/cometd"));

    String later = CallbackViews.time(Instant.now().plus(Duration.ofHours(3)));
    Map<String, Object> scheduled = start(",\"_desired_time\":\"" + later + "\"");
    assertEquals(List.of("_id"), List.copyOf(scheduled.keySet()));

    for (Map<String, Object> m : List.of(voiceNow, dialIn, waiting, chatNow, scheduled)) {
      assertEquals(200, api.cancel("cb-scen", (String) m.get("_id")).statusCode());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldAskAreYouReadyBeforeConnectingAndAnswerGets() {
    String device = "scen-" + UUID.randomUUID();
    try (CometClient comet =
        CometClient.create(base, CometClient.Transport.WEBSOCKET, device, false)) {
      assertTrue(comet.handshake().isSuccessful());
      assertTrue(comet.subscribe("/_genesys").isSuccessful());
      Map<String, Object> started =
          start(
              ",\"_wait_for_agent\":\"true\",\"_wait_for_user_confirm\":\"true\","
                  + "\"_provide_code\":\"true\",\"_device_os\":\"comet\","
                  + "\"_device_notification_id\":\""
                  + device
                  + "\"");
      String id = (String) started.get("_id");
      assertEquals("We will notify you when agent is available", started.get("_text"));
      assertTrue(pushed(comet).contains("\"wait-for-agent\""));

      Map<String, Object> position =
          assertOkJson(http.get("1/service/" + id + "/check-queue-position"));
      assertEquals(Boolean.FALSE, position.get("_agent_ready_threshold_passed"));

      assertEquals(
          200, api.as("scenagent", "POST", "1/agent/callbacks/" + id + "/accept").statusCode());
      String action = "get-dialog-user-confirmation-provide_code-true";
      assertTrue(pushed(comet).contains("\"" + action + "\""));
      assertEquals("ROUTING", api.state(id));
      assertEquals(
          Boolean.TRUE,
          assertOkJson(http.get("1/service/" + id + "/check-queue-position"))
              .get("_agent_ready_threshold_passed"));

      // the app fetches the dialog with a plain GET
      Map<String, Object> menu = assertOkJson(http.get("1/service/" + id + "/" + action));
      assertEquals("DisplayMenu", menu.get("_action"));
      Map<String, Object> group = ((List<Map<String, Object>>) menu.get("_content")).get(0);
      assertEquals("Are you ready?", group.get("_group_name"));
      List<Map<String, Object>> items = (List<Map<String, Object>>) group.get("_group_content");
      assertNotNull(items.get(0).get("_confirmation_dialog"), "provide_code warns of the tones");
      Map<String, Object> again = assertOkJson(getAbsolute((String) menu.get("_resource_url")));
      assertEquals("DisplayMenu", again.get("_action"));
      assertOkJson(getAbsolute((String) menu.get("_user_action_url")));

      Map<String, Object> connected =
          assertOkJson(getAbsolute((String) items.get(0).get("_user_action_url")));
      assertEquals("You will receive the call shortly", connected.get("_text"));
      assertEquals("PROCESSING", api.state(id));
    }
  }

  @SuppressWarnings("unchecked")
  private static String pushed(CometClient comet) {
    Map<String, Object> data = (Map<String, Object>) comet.next().getData();
    assertEquals("service.callback", data.get("tag"));
    return String.valueOf(data.get("message"));
  }

  @Test
  void shouldRefuseUnknownScenarioValuesAndStoreNothing() {
    for (String extra :
        List.of(
            "\"_media_type\":\"fax\"",
            "\"_call_direction\":\"SIDEWAYS\"",
            "\"_wait_for_agent\":\"maybe\"",
            "\"_wait_for_user_confirm\":\"1\"",
            "\"_provide_code\":\"yes\"")) {
      String n = number();
      HttpResponse<String> r =
          api.start("cb-scen", "{\"_customer_number\":\"" + n + "\"," + extra + "}");
      assertEquals(400, r.statusCode(), extra + " → " + r.body());
      assertEquals(
          "org.opengms.callback.CallbackException", Json.object(r.body()).get("exception"));
      assertFalse(CallbackClient.error(r).contains("java."), r.body());
      assertEquals("[]", api.query("/cb-scen?_customer_number=" + n).body().strip());
    }
  }

  @Test
  void shouldTakeStatusNotificationOptionsFromTheListPropertiesAndSubscribers() {
    try (CallbackReceiver target = new CallbackReceiver("127.0.0.1")) {
      String n = number();
      String id =
          api.started(
              "cb-listed",
              "{\"_customer_number\":\"" + n + "\",\"status_url\":\"" + target.url() + "/s\"}");
      CallbackReceiver.Received r = target.next(Duration.ofSeconds(10));
      assertNotNull(r, "the list's properties enable notifications and name the target");
      Map<String, Object> event = Json.object(r.body());
      assertEquals("_cbe_on_service_create", event.get("event"));
      assertEquals(id, event.get("_id"));
      assertEquals(n, event.get("_customer_number"));
    }
    // subscribe_notify: Notification API subscribers of service.callback.status get the events
    String user = "sub-" + UUID.randomUUID();
    try (CometClient comet =
        CometClient.create(base, CometClient.Transport.WEBSOCKET, user, false)) {
      assertTrue(comet.handshake().isSuccessful());
      assertTrue(comet.subscribe("/_genesys").isSuccessful());
      assertOkJson(
          http.send(
              HttpRequest.newBuilder(http.uri("1/notification/subscription"))
                  .header("Content-Type", "application/json")
                  .header("gms_user", user)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"subscriberId\":\""
                              + user
                              + "\",\"filter\":\"service.callback.status\","
                              + "\"notificationDetails\":{\"type\":\"comet\"}}"))));
      String id = (String) start("").get("_id");
      @SuppressWarnings("unchecked")
      Map<String, Object> data = (Map<String, Object>) comet.next().getData();
      assertEquals("service.callback.status", data.get("tag"));
      String message = String.valueOf(data.get("message"));
      assertTrue(message.contains(id) && message.contains("_cbe_on_service_create"), message);
      api.cancel("cb-scen", id);
    }
  }

  @Test
  void shouldCancelWithDiscardOrsFailure() {
    String id = (String) start("").get("_id");
    HttpResponse<String> bad =
        http.delete("1/service/callback/cb-scen/" + id + "?discard_ors_failure=perhaps");
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals("QUEUED", api.state(id));
    assertEquals(
        200,
        http.delete("1/service/callback/cb-scen/" + id + "?discard_ors_failure=true").statusCode());
    assertEquals("COMPLETED", api.state(id));
  }
}
