package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengms.testing.CallbackReceiver;
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.Json;
import org.opengms.testing.ServerClockControl;

/** The Callback Services API end to end: start, query, update, cancel, scheduling, execution. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallbackApiIT {

  private static final String EXCEPTION = "org.opengms.callback.CallbackException";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;

  private Http http;
  private CallbackClient api;
  private ServerClockControl clock;

  @BeforeEach
  void setUp() {
    http = new Http(base);
    api = new CallbackClient(http);
    clock = new ServerClockControl(http);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  private static String number() {
    return "555" + (System.nanoTime() % 10_000_000);
  }

  private static String in(Duration d) {
    return CallbackViews.time(Instant.now().plus(d));
  }

  @Test
  void shouldStartImmediateWithConfirmationDialogAndQueueForAgents() {
    String number = number();
    HttpResponse<String> r =
        api.start(
            "cb-builtin", "{\"_customer_number\":\"" + number + "\",\"_usr_reason\":\"bill\"}");
    Map<String, Object> body = assertOkJson(r);
    assertEquals("0", body.get("_dialog_id"));
    assertEquals("ConfirmationDialog", body.get("_action"));
    assertEquals("You will receive the call shortly", body.get("_text"));
    assertEquals("Ok", body.get("_ok_title"));
    String id = (String) body.get("_id");

    Map<String, Object> cb = api.get(id);
    assertEquals("QUEUED", cb.get("_callback_state"));
    assertEquals("cb-builtin", cb.get("_service_name"));
    assertEquals(number, cb.get("_customer_number"));
    assertEquals("bill", cb.get("_usr_reason"));
    assertNotNull(cb.get("_desired_time"));
    assertNotNull(cb.get("_expiration_time"));
    assertTrue(((String) cb.get("_url")).endsWith("/genesys/1/service/callback/cb-builtin/" + id));
    assertFalse(cb.containsKey("_callback_reason"));

    // the agent serving cb-queue sees it, one serving another queue does not and may not take it
    assertTrue(api.as("cbagent", "GET", "1/agent/callbacks").body().contains(id));
    assertFalse(api.as("cbother", "GET", "1/agent/callbacks").body().contains(id));
    assertEquals(
        403, api.as("cbother", "POST", "1/agent/callbacks/" + id + "/accept").statusCode());

    HttpResponse<String> position = http.get("1/service/" + id + "/check-queue-position");
    Map<String, Object> pos = assertOkJson(position);
    assertTrue(((Number) pos.get("_position")).intValue() >= 1, position.body());
    assertTrue(((Number) pos.get("_total_waiting")).intValue() >= 1, position.body());
    assertEquals(0, ((Number) pos.get("ewt")).intValue());

    HttpResponse<String> accepted =
        api.as("cbagent", "POST", "1/agent/callbacks/" + id + "/accept");
    assertEquals(200, accepted.statusCode(), accepted.body());
    assertEquals("PROCESSING", api.state(id));
    assertEquals(
        400, api.as("cbagent", "POST", "1/agent/callbacks/" + id + "/accept").statusCode());
    HttpResponse<String> done =
        api.as("cbagent", "POST", "1/agent/callbacks/" + id + "/complete?reason=AGENT_CONNECTED");
    assertEquals(200, done.statusCode(), done.body());
    Map<String, Object> after = api.get(id);
    assertEquals("COMPLETED", after.get("_callback_state"));
    assertEquals("AGENT_CONNECTED", after.get("_callback_reason"));

    HttpResponse<String> again = api.cancel("cb-builtin", id);
    assertEquals(400, again.statusCode());
    assertEquals(
        "Request already cancelled or completed: [" + id + "]", CallbackClient.error(again));
    assertEquals(EXCEPTION, Json.object(again.body()).get("exception"));
  }

  @Test
  void shouldAcceptFormBodies() {
    HttpResponse<String> r =
        http.postForm(
            "1/service/callback/cb-builtin",
            Map.of("_customer_number", number(), "_desired_time", in(Duration.ofHours(3))));
    String id = (String) assertOkJson(r).get("_id");
    assertEquals(Map.of("_id", id), Json.object(r.body()));
    assertEquals("SCHEDULED", api.state(id));
  }

  @Test
  void shouldRefuseBadStarts() {
    HttpResponse<String> noNumber = api.start("cb-builtin", "{\"_usr_x\":\"1\"}");
    assertEquals(400, noNumber.statusCode());
    assertEquals(EXCEPTION, Json.object(noNumber.body()).get("exception"));
    HttpResponse<String> badTime =
        api.start("cb-builtin", "{\"_customer_number\":\"1\",\"_desired_time\":\"tomorrow\"}");
    assertEquals(400, badTime.statusCode());
    assertEquals(404, api.start("no-such-callback", "{\"_customer_number\":\"1\"}").statusCode());
    assertEquals(404, api.start("request-chat", "{\"_customer_number\":\"1\"}").statusCode());
    assertEquals(400, api.start("cb-builtin", "[1,2]").statusCode());
    assertEquals(415, http.post("1/service/callback/cb-builtin", "text/plain", "x").statusCode());
    HttpResponse<String> cancelUnknown = api.cancel("cb-builtin", "nope");
    assertEquals(400, cancelUnknown.statusCode());
    assertEquals("No such request to cancel: [nope]", CallbackClient.error(cancelUnknown));
  }

  @Test
  void shouldScheduleAndStartWhenDueByTheServerClock() {
    String number = number();
    String id =
        api.started(
            "cb-builtin",
            "{\"_customer_number\":\""
                + number
                + "\",\"_desired_time\":\""
                + in(Duration.ofHours(2))
                + "\"}");
    assertEquals("SCHEDULED", api.state(id));
    clock.advance(Duration.ofMinutes(90));
    assertEquals("SCHEDULED", api.state(id), "not due yet");
    clock.advance(Duration.ofMinutes(31));
    Conditions.await(
        "due callback queued", Duration.ofSeconds(10), () -> "QUEUED".equals(api.state(id)));
  }

  @Test
  void shouldRescheduleUpdateAndRemoveProperties() {
    String id =
        api.started(
            "cb-builtin",
            "{\"_customer_number\":\""
                + number()
                + "\",\"_usr_note\":\"a\",\"_usr_keep\":\"k\","
                + "\"_desired_time\":\""
                + in(Duration.ofHours(5))
                + "\"}");
    String later = in(Duration.ofHours(8));
    HttpResponse<String> r =
        api.update(
            "cb-builtin", id, "{\"_new_desired_time\":\"" + later + "\",\"_usr_note\":\"\"}");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(Map.of(), Json.object(r.body()));
    Map<String, Object> cb = api.get(id);
    assertEquals(later, cb.get("_desired_time"));
    assertEquals("SCHEDULED", cb.get("_callback_state"));
    assertFalse(cb.containsKey("_usr_note"), "an empty value removes the property");
    assertEquals("k", cb.get("_usr_keep"));

    HttpResponse<String> both =
        api.update(
            "cb-builtin",
            id,
            "{\"_new_desired_time\":\"" + later + "\",\"_callback_state\":\"QUEUED\"}");
    assertEquals(400, both.statusCode());

    // rescheduling to now makes it immediate
    assertEquals(
        200,
        api.update("cb-builtin", id, "{\"_new_desired_time\":\"" + in(Duration.ZERO) + "\"}")
            .statusCode());
    assertEquals("QUEUED", api.state(id));
    HttpResponse<String> notScheduled =
        api.update("cb-builtin", id, "{\"_new_desired_time\":\"" + later + "\"}");
    assertEquals(400, notScheduled.statusCode());
    assertEquals(
        "Callback '" + id + "' is no longer scheduled. State=QUEUED",
        CallbackClient.error(notScheduled));

    // state updates as an execution service sends them
    assertEquals(
        200,
        api.update("cb-builtin", id, "{\"_callback_state\":\"PROCESSING\",\"_reason\":\"\"}")
            .statusCode());
    assertEquals("PROCESSING", api.state(id));
    assertEquals(
        200,
        api.update(
                "cb-builtin",
                id,
                "{\"_callback_state\":\"COMPLETED\",\"_callback_reason\":\"FAIL_AGENT_CONNECT\"}")
            .statusCode());
    assertEquals("FAIL_AGENT_CONNECT", api.get(id).get("_callback_reason"));
    assertEquals(
        400, api.update("cb-builtin", id, "{\"_callback_state\":\"QUEUED\"}").statusCode());
    assertEquals(404, api.update("cb-builtin", "nope", "{\"_usr_x\":\"1\"}").statusCode());
    assertEquals(400, api.update("cb-builtin", id, "{\"_callback_state\":\"BOGUS\"}").statusCode());
  }

  @Test
  void shouldQueryByPropertiesStatesOperandAndWindow() {
    String number = number();
    String email = UUID.randomUUID() + "@example.com";
    String a =
        api.started(
            "cb-builtin",
            "{\"_customer_number\":\""
                + number
                + "\",\"_desired_time\":\""
                + in(Duration.ofHours(4))
                + "\"}");
    String b =
        api.started(
            "cb-builtin",
            "{\"_customer_number\":\""
                + number
                + "\",\"_usr_email\":\""
                + email
                + "\",\"_desired_time\":\""
                + in(Duration.ofHours(6))
                + "\"}");
    String c =
        api.started(
            "cb-confirm",
            "{\"_customer_number\":\"x" + number + "\",\"_usr_email\":\"" + email + "\"}");
    assertEquals(200, api.cancel("cb-builtin", a).statusCode());

    assertEquals(List.of(a, b), ids(api.query("/cb-builtin?_customer_number=" + number)));
    assertEquals(
        List.of(b),
        ids(api.query("/cb-builtin?_customer_number=" + number + "&_callback_state=!COMPLETED")));
    assertEquals(
        List.of(a),
        ids(api.query("/cb-builtin?_customer_number=" + number + "&_callback_state=COMPLETED")));
    assertEquals("CANCELLED", api.get(a).get("_callback_reason"));
    assertEquals(
        List.of(b), ids(api.query("?_customer_number=" + number + "&_usr_email=" + email)));
    assertEquals(List.of(c), ids(api.query("/cb-confirm?_usr_email=" + email)));
    List<String> either =
        ids(api.query("?operand=OR&_customer_number=" + number + "&_usr_email=" + email));
    assertEquals(3, either.size(), either.toString());
    assertEquals(
        List.of(b),
        ids(
            api.query(
                "/cb-builtin?_customer_number="
                    + number
                    + "&_desired_time_from="
                    + in(Duration.ofHours(5)))));
    assertEquals(
        List.of(a),
        ids(
            api.query(
                "/cb-builtin?_customer_number="
                    + number
                    + "&_desired_time_to="
                    + in(Duration.ofHours(5)))));
    assertEquals(400, api.query("?_customer_number=1&operand=XOR").statusCode());
    assertEquals(404, api.query("/no-such?_customer_number=1").statusCode());
  }

  private static List<String> ids(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return Json.objects(r.body()).stream().map(m -> (String) m.get("_id")).toList();
  }

  @Test
  void shouldReplayTheFirstAnswerForARetriedStart() {
    String key = UUID.randomUUID().toString();
    String body = "{\"_customer_number\":\"" + number() + "\"}";
    HttpResponse<String> first = api.start("cb-builtin", body, key);
    HttpResponse<String> retry = api.start("cb-builtin", body, key);
    assertEquals(200, retry.statusCode());
    assertEquals(Json.object(first.body()), Json.object(retry.body()));
    String requestId = UUID.randomUUID().toString();
    String withParam =
        "{\"_customer_number\":\"" + number() + "\",\"_request_id\":\"" + requestId + "\"}";
    assertEquals(
        Json.object(api.start("cb-builtin", withParam).body()),
        Json.object(api.start("cb-builtin", withParam).body()));
  }

  @Test
  void shouldExpireCallbacksNotHandledWithinTtl() {
    String id = api.started("cb-builtin", "{\"_customer_number\":\"" + number() + "\"}");
    clock.advance(Duration.ofHours(2).plusMinutes(1));
    Conditions.await("ttl passed", Duration.ofSeconds(10), () -> "COMPLETED".equals(api.state(id)));
    assertEquals("FAIL_TIMEOUT_TTL", api.get(id).get("_callback_reason"));
  }

  @Test
  void shouldSubmitToOrsFailOverAndTakeStateUpdates() {
    try (CallbackReceiver ors = new CallbackReceiver("127.0.0.1")) {
      String url = "http://127.0.0.1:1," + ors.url();
      String id =
          api.started(
              "cb-ors", "{\"_customer_number\":\"" + number() + "\",\"ors_url\":\"" + url + "\"}");
      CallbackReceiver.Received posted = ors.next(Duration.ofSeconds(10));
      assertNotNull(posted, "submitted to the second URL after the first failed");
      assertEquals("/scxml/session/start", posted.path());
      Map<String, Object> sent = Json.object(posted.body());
      assertEquals(id, sent.get("_id"));
      assertEquals("QUEUED", sent.get("_callback_state"));
      assertEquals(200, api.update("cb-ors", id, "{\"_callback_state\":\"ROUTING\"}").statusCode());
      assertEquals("ROUTING", api.state(id));
      assertNull(ors.next(Duration.ofSeconds(2)), "submitted once");
    }
  }

  @Test
  void shouldEndSubmitFailedWhenNoOrsAnswers() {
    try (CallbackReceiver ors = new CallbackReceiver("127.0.0.1")) {
      ors.answer(503);
      String id =
          api.started(
              "cb-ors",
              "{\"_customer_number\":\"" + number() + "\",\"ors_url\":\"" + ors.url() + "\"}");
      Conditions.await(
          "three attempts then SUBMIT_FAILED",
          Duration.ofSeconds(20),
          () -> "COMPLETED".equals(api.state(id)));
      assertEquals("SUBMIT_FAILED", api.get(id).get("_callback_reason"));
      int attempts = 0;
      while (ors.next(Duration.ofMillis(200)) != null) {
        attempts++;
      }
      assertEquals(3, attempts);
    }
  }

  @Test
  void shouldAnswerDialogsAndCustomerChoices() {
    String id = api.started("cb-confirm", "{\"_customer_number\":\"" + number() + "\"}");
    Map<String, Object> menu =
        assertOkJson(
            http.postNothing(
                "1/service/" + id + "/get-dialog-user-confirmation-provide_code-true"));
    assertEquals("DisplayMenu", menu.get("_action"));
    String ext = base.toString().replaceAll("/$", "");
    assertEquals(
        ext + "/1/service/" + id + "/get-dialog-user-confirmation", menu.get("_resource_url"));
    assertTrue(menu.toString().contains(ext + "/1/service/" + id + "/connect"), menu.toString());
    assertTrue(menu.toString().contains("_confirmation_dialog"), menu.toString());
    Map<String, Object> noCode =
        assertOkJson(
            http.postNothing(
                "1/service/" + id + "/get-dialog-user-confirmation-provide_code-false"));
    assertFalse(noCode.toString().contains("_confirmation_dialog"));
    Map<String, Object> chat =
        assertOkJson(http.postNothing("1/service/" + id + "/get-dialog-start-chat"));
    assertEquals("StartChat", chat.get("_action"));
    assertEquals(ext + "/1/service/" + id + "/ixn/chat", chat.get("_start_chat_url"));
    assertEquals(ext + "/cometd", chat.get("_comet_url"));
    assertEquals(
        "DialNumber",
        assertOkJson(http.postNothing("1/service/" + id + "/connect-inbound")).get("_action"));
    assertEquals(
        "We will notify you when agent is available",
        assertOkJson(http.postNothing("1/service/" + id + "/wait-for-agent")).get("_text"));
    assertEquals(
        "You will receive the call shortly",
        assertOkJson(http.postNothing("1/service/" + id + "/connect-outbound")).get("_text"));

    // an agent takes it: ROUTING until the customer confirms
    assertEquals(
        200, api.as("cbagent", "POST", "1/agent/callbacks/" + id + "/accept").statusCode());
    assertEquals("ROUTING", api.state(id));
    assertOkJson(http.postNothing("1/service/" + id + "/connect"));
    assertEquals("PROCESSING", api.state(id));

    String snoozed = api.started("cb-confirm", "{\"_customer_number\":\"" + number() + "\"}");
    assertOkJson(http.postNothing("1/service/" + snoozed + "/snooze"));
    assertEquals("SCHEDULED", api.state(snoozed));
    assertOkJson(http.postNothing("1/service/" + snoozed + "/cancel"));
    assertEquals("CANCELLED", api.get(snoozed).get("_callback_reason"));
    assertEquals(404, http.postNothing("1/service/no-such-id/wait-for-agent").statusCode());
  }

  @Test
  void shouldApplyTokensRedirectAndRejectFutureTimes() {
    String email = UUID.randomUUID() + "@example.com";
    String id = api.started("cb-tokens", "{\"_usr_email\":\"" + email + "\",\"vq\":\"blue\"}");
    assertEquals(
        "cb-blue",
        api.get(id).get("_urs_virtual_queue") == null
            ? queueOf(id)
            : api.get(id).get("_urs_virtual_queue"));
    HttpResponse<String> future =
        api.start(
            "cb-tokens",
            "{\"_usr_email\":\""
                + email
                + "\",\"_desired_time\":\""
                + in(Duration.ofHours(3))
                + "\"}");
    assertEquals(400, future.statusCode());
    HttpResponse<String> redirected =
        api.start(
            "cb-tokens",
            "{\"_customer_number\":\"" + number() + "\",\"_redirect\":\"cb-builtin\"}");
    String rid = (String) assertOkJson(redirected).get("_id");
    assertEquals("cb-builtin", api.get(rid).get("_service_name"));
    HttpResponse<String> noKey = api.start("cb-tokens", "{\"vq\":\"blue\"}");
    assertEquals(400, noKey.statusCode());
  }

  private String queueOf(String id) {
    Map<String, Object> q =
        Json.object(api.as("admin", "GET", "1/admin/callback/queues?target=cb-tokens").body());
    return ((List<?>) q.get("cb-tokens"))
        .stream()
            .map(e -> (Map<?, ?>) e)
            .filter(e -> id.equals(e.get("_id")))
            .map(e -> (String) e.get("_urs_virtual_queue"))
            .findFirst()
            .orElse(null);
  }

  @Test
  void shouldPauseCallbacksOfPausedServices() {
    String id = api.started("cb-paused", "{\"_customer_number\":\"" + number() + "\"}");
    assertEquals("PAUSED", api.state(id));
  }

  @Test
  void shouldNotifyStatusChangesOverHttpCallback() {
    try (CallbackReceiver target = new CallbackReceiver("127.0.0.1")) {
      String id =
          api.started(
              "cb-builtin",
              "{\"_customer_number\":\""
                  + number()
                  + "\",\"status_url\":\""
                  + target.url()
                  + "/status\"}");
      // the events of one callback arrive in the order they happened
      assertEquals("_cbe_on_service_create", statusEvent(target, id).get("event"));
      Map<String, Object> queued = statusEvent(target, id);
      assertEquals("_cbe_on_callback_queued", queued.get("event"));
      assertEquals("QUEUED", queued.get("_callback_state"));
      assertEquals(200, api.cancel("cb-builtin", id).statusCode());
      Map<String, Object> cancelled = statusEvent(target, id);
      assertEquals("_cbe_on_callback_cancelled", cancelled.get("event"));
      assertEquals("CANCELLED", cancelled.get("_callback_reason"));
    }
  }

  private static Map<String, Object> statusEvent(CallbackReceiver target, String id) {
    CallbackReceiver.Received r = target.next(Duration.ofSeconds(10));
    assertNotNull(r, "a status notification came");
    Map<String, Object> event = Json.object(r.body());
    assertEquals(id, event.get("_id"));
    return event;
  }

  @Test
  void shouldServeAdminEndpoints() {
    String number = number();
    String a =
        api.started(
            "cb-builtin", "{\"_customer_number\":\"" + number + "\",\"_usr_region\":\"north\"}");
    String b =
        api.started(
            "cb-builtin",
            "{\"_customer_number\":\""
                + number
                + "\",\"_usr_region\":\"south\",\"_desired_time\":\""
                + in(Duration.ofHours(3))
                + "\"}");
    assertEquals(401, http.get("1/admin/callback/queues").statusCode());
    assertEquals(403, api.as("cbagent", "GET", "1/admin/callback/queues").statusCode());
    HttpResponse<String> q =
        api.as("admin", "GET", "1/admin/callback/queues?target=cb-builtin&_usr_region=north");
    assertEquals(200, q.statusCode(), q.body());
    List<?> entries = (List<?>) Json.object(q.body()).get("cb-builtin");
    assertTrue(entries.stream().anyMatch(e -> a.equals(((Map<?, ?>) e).get("_id"))), q.body());
    assertTrue(entries.stream().noneMatch(e -> b.equals(((Map<?, ?>) e).get("_id"))), q.body());
    assertTrue(
        entries.stream().allMatch(e -> "north".equals(((Map<?, ?>) e).get("_usr_region"))),
        q.body());

    HttpResponse<String> marks =
        api.as("admin", "GET", "1/admin/callback/watermarks?service_name=cb-builtin");
    Map<String, Object> m = Json.object(marks.body());
    long before = ((Number) ((Map<?, ?>) m.get("services")).get("cb-builtin")).longValue();
    assertTrue(before >= 1, marks.body());

    HttpResponse<String> cancelled =
        api.asJson(
            "admin",
            "1/admin/callback/cancel",
            "{\"reason\":\"CANCELLED_BY_ADMIN\",\"ids\":[\"" + a + "\",\"" + b + "\"]}");
    assertEquals(200, cancelled.statusCode(), cancelled.body());
    assertEquals("CANCELLED_BY_ADMIN", api.get(a).get("_callback_reason"));
    assertEquals("CANCELLED_BY_ADMIN", api.get(b).get("_callback_reason"));
    long after =
        ((Number)
                ((Map<?, ?>)
                        Json.object(
                                api.as(
                                        "admin",
                                        "GET",
                                        "1/admin/callback/watermarks?service_name=cb-builtin")
                                    .body())
                            .get("services"))
                    .get("cb-builtin"))
            .longValue();
    assertEquals(before - 1, after);

    HttpResponse<String> csv =
        api.asJson(
            "admin",
            "1/admin/callback/reportcancelled",
            "{\"callback_reason\":\"CANCELLED_BY_ADMIN\",\"exported_properties\":[\"_customer_number\"]}");
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(
        csv.body().startsWith("_id,_service_name,_desired_time,_callback_reason,_customer_number"));
    assertTrue(csv.body().contains(a + ",cb-builtin,"), csv.body());
  }

  @Test
  void shouldRequireServiceCredentialsOnlyWhereAPasswordIsInForce() {
    String body = "{\"_customer_number\":\"" + number() + "\"}";
    assertEquals(401, api.start("cb-secured", body).statusCode());
    HttpResponse<String> wrong =
        http.send(
            java.net.http.HttpRequest.newBuilder(http.uri("1/service/callback/cb-secured"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic("mobile:wrong"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(401, wrong.statusCode());
    HttpResponse<String> right =
        http.send(
            java.net.http.HttpRequest.newBuilder(http.uri("1/service/callback/cb-secured"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic("mobile:s3cret"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    assertEquals(200, right.statusCode(), right.body());
    assertEquals(200, api.start("cb-builtin", body).statusCode(), "other services stay open");
  }

  private static String basic(String pair) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldNotifyTheCustomersDeviceOverComet() {
    String device = "device-" + UUID.randomUUID();
    try (org.opengms.testing.CometClient comet =
        org.opengms.testing.CometClient.create(
            base, org.opengms.testing.CometClient.Transport.WEBSOCKET, device, false)) {
      assertTrue(comet.handshake().isSuccessful());
      assertTrue(comet.subscribe("/_genesys").isSuccessful());
      String id =
          api.started(
              "cb-builtin",
              "{\"_customer_number\":\""
                  + number()
                  + "\",\"_device_os\":\"comet\",\"_device_notification_id\":\""
                  + device
                  + "\"}");
      Map<String, Object> queued = (Map<String, Object>) comet.next().getData();
      assertEquals("service.callback", queued.get("tag"));
      String message = String.valueOf(queued.get("message"));
      assertTrue(message.contains(id) && message.contains("wait-for-agent"), message);

      assertEquals(
          200, api.as("cbagent", "POST", "1/agent/callbacks/" + id + "/accept").statusCode());
      String accepted =
          String.valueOf(((Map<String, Object>) comet.next().getData()).get("message"));
      assertTrue(accepted.contains(id) && accepted.contains("connect-outbound"), accepted);
    }
  }

  @Test
  void shouldSendOnlyTheEventsOfTheTransactionListWithItsParameters() {
    try (CallbackReceiver target = new CallbackReceiver("127.0.0.1")) {
      String id =
          api.started(
              "cb-events",
              "{\"_customer_number\":\""
                  + number()
                  + "\",\"_usr_name\":\"Ann\",\"_usr_secret\":\"x\",\"status_url\":\""
                  + target.url()
                  + "/status\"}");
      CallbackReceiver.Received r = target.next(Duration.ofSeconds(10));
      assertNotNull(r);
      Map<String, Object> event = Json.object(r.body());
      assertEquals("_cbe_on_callback_queued", event.get("event"));
      assertEquals(id, event.get("_id"));
      assertEquals("Ann", event.get("_usr_name"));
      assertFalse(event.containsKey("_usr_secret"), r.body());
      assertNull(target.next(Duration.ofSeconds(2)), "_cbe_on_service_create is not in the list");
    }
  }

  private long waitingCalls(String queue) {
    return queueStat(queue, "CurrentNumberWaitingCalls");
  }

  private long queueStat(String queue, String metric) {
    HttpResponse<String> r =
        http.send(
            java.net.http.HttpRequest.newBuilder(http.uri("1/statistic"))
                .header("Authorization", basic("stats:stats"))
                .header("Cache-Control", "max-age=0")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "objectId="
                            + queue
                            + "&objectType=Queue&tenant=Environment&tenantPassword="
                            + "&metric="
                            + metric)));
    assertEquals(200, r.statusCode(), r.body());
    return ((Number) Json.object(r.body()).get("value")).longValue();
  }

  @Test
  void shouldOfferWaitingCallbacksToTheStatServer() {
    assertEquals(0, waitingCalls("cb-stats"), "a configured queue with nothing waiting is 0");
    String a = api.started("cb-stats", "{\"_customer_number\":\"" + number() + "\"}");
    api.started("cb-stats", "{\"_customer_number\":\"" + number() + "\"}");
    assertEquals(2, waitingCalls("cb-stats"));
    assertEquals(200, api.cancel("cb-stats", a).statusCode());
    assertEquals(1, waitingCalls("cb-stats"));
  }

  @Test
  void shouldScheduleByTheEstimatedWaitOfItsOwnQueue() {
    // cb-ewt: no agent serves its queue; buffer 60 s; the statistic is our ExpectedWaitTime
    long before = queueStat("cb-ewt", "CurrentNumberWaitingCalls");
    api.started("cb-ewt", "{\"_customer_number\":\"" + number() + "\"}");
    api.started("cb-ewt", "{\"_customer_number\":\"" + number() + "\"}");
    long waiting = before + 2;
    long ewt = queueStat("cb-ewt", "ExpectedWaitTime");
    assertEquals((waiting + 1) * 300, ewt, "(queued + 1) x default_handle_time / 1 agent");
    assertEquals(0, queueStat("cb-ewt", "AverageHandleTime"), "none completed yet");

    String beyond =
        api.started(
            "cb-ewt",
            "{\"_customer_number\":\""
                + number()
                + "\",\"_desired_time\":\""
                + in(Duration.ofSeconds(60 + ewt + 120))
                + "\"}");
    assertEquals("SCHEDULED", api.state(beyond), "beyond buffer + estimated wait");
    String inside =
        api.started(
            "cb-ewt",
            "{\"_customer_number\":\""
                + number()
                + "\",\"_desired_time\":\""
                + in(Duration.ofSeconds(60 + ewt - 120))
                + "\"}");
    assertEquals("QUEUED", api.state(inside), "within buffer + estimated wait: started now");
    assertEquals(ewt + 300, queueStat("cb-ewt", "ExpectedWaitTime"), "one more queued");
  }

  @Test
  void shouldBoundStatusEventAttemptsByTheServiceOption() {
    // retry_initial_delay = 1 s: attempts at about 0, 1, 3, 7 s; the service allows 2
    try (CallbackReceiver target = new CallbackReceiver("127.0.0.1")) {
      target.answer(503);
      String id =
          api.started(
              "cb-attempts",
              "{\"_customer_number\":\""
                  + number()
                  + "\",\"status_url\":\""
                  + target.url()
                  + "/status\"}");
      for (int attempt = 1; attempt <= 2; attempt++) {
        CallbackReceiver.Received r = target.next(Duration.ofSeconds(15));
        assertNotNull(r, "attempt " + attempt);
        assertEquals(id, Json.object(r.body()).get("_id"));
      }
      assertNull(target.next(Duration.ofSeconds(8)), "no third attempt");
    }
  }

  @Test
  void shouldForwardTheCancelOfASubmittedCallbackToItsExecutionService() {
    try (CallbackReceiver ors = new CallbackReceiver("127.0.0.1")) {
      String user =
          api.started(
              "cb-ors",
              "{\"_customer_number\":\"" + number() + "\",\"ors_url\":\"" + ors.url() + "\"}");
      assertEquals("/scxml/session/start", ors.next(Duration.ofSeconds(10)).path());
      Conditions.await(
          "submit recorded",
          Duration.ofSeconds(10),
          () -> api.get(user).containsKey("_ors_submitted_url"));
      assertEquals(200, api.cancel("cb-ors", user).statusCode());
      assertEquals("CANCELLED", api.get(user).get("_callback_reason"));
      CallbackReceiver.Received cancel = ors.next(Duration.ofSeconds(10));
      assertNotNull(cancel, "the cancel reached the execution service");
      assertEquals("/scxml/session/" + user + "/event/cancel", cancel.path());
      assertEquals("CANCELLED", Json.object(cancel.body()).get("_callback_reason"));

      // admin cancel, with the session the execution service named; its failure blocks nothing
      String admin =
          api.started(
              "cb-ors",
              "{\"_customer_number\":\"" + number() + "\",\"ors_url\":\"" + ors.url() + "\"}");
      assertNotNull(ors.next(Duration.ofSeconds(10)));
      Conditions.await(
          "submit recorded",
          Duration.ofSeconds(10),
          () -> api.get(admin).containsKey("_ors_submitted_url"));
      assertEquals(200, api.update("cb-ors", admin, "{\"_ors_session_id\":\"s-42\"}").statusCode());
      ors.answer(503);
      HttpResponse<String> r =
          api.asJson(
              "admin",
              "1/admin/callback/cancel",
              "{\"reason\":\"CANCELLED_BY_ADMIN\",\"ids\":[\"" + admin + "\"]}");
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("CANCELLED_BY_ADMIN", api.get(admin).get("_callback_reason"));
      CallbackReceiver.Received first = ors.next(Duration.ofSeconds(10));
      assertNotNull(first);
      assertEquals("/scxml/session/s-42/event/cancel", first.path());
      ors.answer(200);
      CallbackReceiver.Received retried = ors.next(Duration.ofSeconds(15));
      assertNotNull(retried, "retried by the outbox after a failure");
      assertEquals("/scxml/session/s-42/event/cancel", retried.path());
    }
  }
}
