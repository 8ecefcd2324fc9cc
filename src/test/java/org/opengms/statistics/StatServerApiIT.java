package org.opengms.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.opengms.testing.ApiAssertions.assertError;
import static org.opengms.testing.ApiAssertions.assertOkJson;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.opengms.testing.Conditions;
import org.opengms.testing.Deployments;
import org.opengms.testing.Http;
import org.opengms.testing.ItConfigFile;
import org.opengms.testing.Json;
import org.opengms.testing.Multipart;
import org.opengms.testing.ServerClockControl;

/**
 * The Stat Server API over the built-in statistics, on the queue {@code stats-it} and its agents
 * statagent (max_chats 1) and statagent2 (max_chats 2), which no other test uses.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatServerApiIT {

  private static final String QUEUE = "stats-it";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL base;
  Http http;

  /** To the same server over loopback, the default internal network (see Deployments.loopback). */
  Http internal;

  ServerClockControl clock;
  AgentClient stan;
  AgentClient stella;
  final List<String> services = new ArrayList<>();

  @BeforeEach
  void client() {
    http = new Http(base);
    internal = new Http(Deployments.loopback(base));
    clock = new ServerClockControl(http);
    stan = new AgentClient(http, "statagent", "statagent");
    stella = new AgentClient(http, "statagent2", "statagent2");
  }

  @AfterEach
  void cleanUp() {
    clock.reset(); // first: presence stamped at a moved time would lie in the future
    for (String id : services) {
      http.postForm("1/service/" + id + "/ixn/chat/disconnect", Map.of());
    }
    stan.reset();
    stella.reset();
  }

  // ---------------------------------------------------------------- access

  @Test
  void shouldAnswerOnlyStatisticRoleWhenPeekingExternally() {
    Map<String, String> form = queueStat("CurrentNumberWaitingChats");

    HttpResponse<String> anonymous = http.postForm("1/statistic", form);
    assertError(anonymous, 401, "AuthenticationRequiredException");
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertError(
        peek("1/statistic", "stats:wrong", null, form), 401, "AuthenticationRequiredException");
    assertError(
        peek("1/statistic", "nobody:stats", null, form), 401, "AuthenticationRequiredException");
    assertError(peek("1/statistic", "agent1:agent1", null, form), 403, "AccessDeniedException");

    HttpResponse<String> allowed = peek("1/statistic", "stats:stats", null, form);
    assertTrue(assertOkJson(allowed).get("value") instanceof Number, allowed.body());
    assertTrue(allowed.headers().firstValue("Age").orElseThrow().matches("\\d+"));
    // a login with several roles, statistic among them, with a plain-text password
    assertOkJson(peek("1/statistic", "plain:plain-text", null, form));

    Map<String, String> many =
        Map.of("stat1", "CurrentNumberWaitingChats;Queue;" + QUEUE + ";Environment");
    assertError(http.postForm("1/statistics", many), 401, "AuthenticationRequiredException");
    assertError(peek("1/statistics", "agent1:agent1", null, many), 403, "AccessDeniedException");
    assertOkJson(peek("1/statistics", "stats:stats", null, many));
  }

  @Test
  void shouldAnswerInternalStatisticFromLoopbackWithoutCredentials() {
    Map<String, Object> urlencoded =
        assertOkJson(
            internal.postForm("1/internal_statistic", queueStat("CurrentNumberWaitingChats")));
    assertTrue(urlencoded.get("value") instanceof Number);

    Multipart multipart =
        new Multipart()
            .text("objectId", "statagent2")
            .text("objectType", "Agent")
            .text("tenant", "Environment")
            .text("tenantPassword", "")
            .text("metric", "CurrentState");
    HttpResponse<String> response = internal.postMultipart("1/internal_statistic", multipart);
    Object state = assertOkJson(response).get("value");
    assertTrue(state.equals("LoggedOut") || state.equals("NotReady"), response.body());
    // multipart to the authenticated resource as well
    HttpResponse<String> external =
        http.send(
            HttpRequest.newBuilder(http.uri("1/statistic"))
                .header("Authorization", basic("stats:stats"))
                .header("Content-Type", multipart.contentType())
                .POST(multipart.publisher()));
    assertEquals(state, assertOkJson(external).get("value"));
  }

  @Test
  void shouldRefuseInternalStatisticWhenPeerIsOutsideInternalNetworks() {
    Map<String, String> form = queueStat("CurrentNumberWaitingChats");
    try (ItConfigFile config = new ItConfigFile()) {
      config.write(
          text ->
              text.replace(
                  "internal_networks = 127.0.0.0/8, ::1/128",
                  "internal_networks = 10.0.0.0/8, fd00::/8"));
      Conditions.await(
          "loopback no longer internal",
          Duration.ofSeconds(15),
          () -> internal.postForm("1/internal_statistic", form).statusCode() == 403);
      assertError(internal.postForm("1/internal_statistic", form), 403, "AccessDeniedException");
      // the authenticated resource does not care where the client is
      assertOkJson(peek("1/statistic", "stats:stats", null, form));
    }
    Conditions.await(
        "loopback internal again",
        Duration.ofSeconds(15),
        () -> internal.postForm("1/internal_statistic", form).statusCode() == 200);
  }

  // ---------------------------------------------------------------- cache and age

  @Test
  void shouldKeepValueUntilMaxAgeIsExceeded() {
    stella.notReady(); // logged in: TotalLoginTime counts from now
    Map<String, String> form = agentStat("statagent2", "TotalLoginTime");
    Map<String, String> reset = new LinkedHashMap<>(form);
    reset.put("notificationMode", "Reset");
    HttpResponse<String> first = peek("1/statistic", "stats:stats", null, reset);
    assertEquals("0", age(first));
    long computed = number(first);

    clock.advance(Duration.ofSeconds(30));
    HttpResponse<String> cached = peek("1/statistic", "stats:stats", null, form);
    assertEquals(computed, number(cached), "without max-age the cached value");
    assertAge(30, cached);
    HttpResponse<String> youngEnough = peek("1/statistic", "stats:stats", "max-age=60", form);
    assertEquals(computed, number(youngEnough));
    assertAge(30, youngEnough);

    HttpResponse<String> recomputed = peek("1/statistic", "stats:stats", "max-age=10", form);
    assertEquals("0", age(recomputed));
    assertTrue(number(recomputed) >= computed + 30, recomputed.body());

    clock.advance(Duration.ofSeconds(5));
    HttpResponse<String> again = peek("1/statistic", "stats:stats", "no-cache", form);
    assertEquals("0", age(again), "no-cache is max-age=0");
    assertTrue(number(again) >= number(recomputed) + 5, again.body());
  }

  @Test
  void shouldFollowChangesOnlyWhenImmediate() {
    Map<String, String> waiting = queueStat("CurrentNumberWaitingChats");
    waiting.put("notificationMode", "Immediate");
    long before = number(peek("1/statistic", "stats:stats", null, waiting));
    Map<String, String> ewt = queueStat("ExpectedWaitTime");
    ewt.put("notificationMode", "Reset");
    long ewtBefore = number(peek("1/statistic", "stats:stats", null, ewt));

    clock.advance(Duration.ofSeconds(20));
    startChat("immediate");

    waiting.remove("notificationMode"); // the statistic stays open in Immediate mode
    HttpResponse<String> followed = peek("1/statistic", "stats:stats", null, waiting);
    assertEquals(before + 1, number(followed), "Immediate: recomputed after the change");
    assertEquals("0", age(followed));
    HttpResponse<String> again = peek("1/statistic", "stats:stats", null, waiting);
    assertEquals(before + 1, number(again), "no change since: cached");

    ewt.remove("notificationMode");
    HttpResponse<String> stale = peek("1/statistic", "stats:stats", null, ewt);
    assertEquals(ewtBefore, number(stale), "NoNotification: the cached value");
    assertAge(20, stale);
    assertTrue(
        number(peek("1/statistic", "stats:stats", "max-age=0", ewt)) > ewtBefore,
        "a chat more to wait for");
  }

  // ---------------------------------------------------------------- values

  @Test
  void shouldChangeValuesAsChatsAreQueuedAndTaken() {
    assertEquals(0L, queue("CurrentNumberReadyAgents"));
    long answered = (Long) queue("TotalNumberAnswered");
    String poll = create("stats-poll");
    assertEquals("waiting", pollStatus(poll));

    String first = startChat("first");
    assertEquals(1L, queue("CurrentNumberWaitingChats"));
    assertEquals(600L, queue("ExpectedWaitTime"), "(1 + 1) x 300 s default handle time / 1 slot");
    String second = startChat("second");
    assertEquals(2L, queue("CurrentNumberWaitingChats"));
    assertEquals(900L, queue("ExpectedWaitTime"));

    stan.ready(); // max_chats 1: takes the first, then is busy
    Conditions.await("first assigned", Duration.ofSeconds(10), () -> stan.has(first));
    assertEquals(1L, queue("CurrentNumberWaitingChats"));
    assertEquals(answered + 1, queue("TotalNumberAnswered"));
    assertEquals(0L, queue("CurrentNumberReadyAgents"), "Stan is at max_chats");
    assertEquals("Busy", agent("statagent", "CurrentState"));
    assertEquals(1L, agent("statagent", "CurrentNumberChats"));
    assertEquals(600L, queue("ExpectedWaitTime"), "(1 + 1 - 0) x 300 / 1");
    assertEquals("waiting", pollStatus(poll));

    long loggedIn = (Long) agent("statagent", "TotalLoginTime");
    clock.advance(Duration.ofSeconds(120));
    assertTrue((Long) agent("statagent", "TotalLoginTime") >= loggedIn + 120);
    stan.act(first, "leave", Map.of());
    long handle = (Long) queue("AverageHandleTime");
    assertTrue(handle >= 120 && handle <= 125, "handled 120 s of business time: " + handle);
    Conditions.await(
        "second assigned to Stan once free", Duration.ofSeconds(10), () -> stan.has(second));
    assertEquals(0L, queue("CurrentNumberWaitingChats"));
    assertEquals(answered + 2, queue("TotalNumberAnswered"));

    stella.ready(); // max_chats 2, nothing waiting: two free slots
    assertEquals("Ready", agent("statagent2", "CurrentState"));
    assertEquals(0L, agent("statagent2", "CurrentNumberChats"));
    assertEquals(1L, queue("CurrentNumberReadyAgents"));
    assertEquals(0L, queue("ExpectedWaitTime"), "a free slot: no wait");
    assertEquals("available", pollStatus(poll));

    stella.notReady();
    assertEquals("NotReady", agent("statagent2", "CurrentState"));
    assertEquals("waiting", pollStatus(poll));
  }

  @Test
  void shouldAnswerSeveralStatisticsInOneRequest() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("stat1", "CurrentNumberWaitingChats;Queue;" + QUEUE + ";Environment");
    form.put("stat2", "ExpectedWaitTime;Queue;" + QUEUE + ";Environment");
    form.put("stat3", "CurrentState;Agent;statagent2;Environment");
    HttpResponse<String> response = peek("1/statistics", "stats:stats", "max-age=0", form);
    Map<String, Object> body = assertOkJson(response);
    assertEquals(java.util.Set.of("stat1", "stat2", "stat3"), body.keySet());
    assertEquals(0L, ((Number) body.get("stat1")).longValue());
    assertEquals(queue("ExpectedWaitTime"), ((Number) body.get("stat2")).longValue());
    assertTrue(body.get("stat3") instanceof String);
    assertEquals("0", age(response));

    Map<String, String> unknown = new LinkedHashMap<>(form);
    unknown.put("stat4", "ExpectedWaitTime;Queue;no-such-queue;Environment");
    HttpResponse<String> notFound = peek("1/statistics", "stats:stats", null, unknown);
    assertError(notFound, 404, "ResourceNotFoundException");
    assertTrue(Json.object(notFound.body()).get("message").toString().contains("stat4"));
    assertError(
        peek("1/statistics", "stats:stats", null, Map.of("stat1", "ExpectedWaitTime;Queue")),
        400,
        "InvalidRequestException");
  }

  @Test
  void shouldRefuseUnknownNamesAsTheReferenceDoes() {
    Map<String, String> queue = queueStat("ExpectedWaitTime");
    queue.put("objectId", "no-such-queue");
    HttpResponse<String> unknownQueue = peek("1/statistic", "stats:stats", null, queue);
    assertError(unknownQueue, 403, "AccessDeniedException");
    assertEquals(
        "Queue 'no-such-queue' (Tenant 'Environment') not found",
        Json.object(unknownQueue.body()).get("message"));

    Map<String, String> agent = agentStat("nobody", "CurrentState");
    agent.put("tenant", "Resources");
    assertEquals(
        "Agent 'nobody' (Tenant 'Resources') not found",
        Json.object(peek("1/statistic", "stats:stats", null, agent).body()).get("message"));

    Map<String, String> metric = queueStat("NoSuchMetric");
    HttpResponse<String> unknownMetric = peek("1/statistic", "stats:stats", null, metric);
    assertError(unknownMetric, 403, "AccessDeniedException");
    assertTrue(
        Json.object(unknownMetric.body()).get("message").toString().contains("'NoSuchMetric'"));

    Map<String, String> type = queueStat("ExpectedWaitTime");
    type.put("objectType", "Place");
    assertError(peek("1/statistic", "stats:stats", null, type), 403, "AccessDeniedException");

    Map<String, String> missing = queueStat("ExpectedWaitTime");
    missing.remove("metric");
    assertError(peek("1/statistic", "stats:stats", null, missing), 400, "InvalidRequestException");
    Map<String, String> mode = queueStat("ExpectedWaitTime");
    mode.put("notificationMode", "Sometimes");
    assertError(peek("1/statistic", "stats:stats", null, mode), 400, "InvalidRequestException");
    assertError(
        http.send(
            HttpRequest.newBuilder(http.uri("1/statistic"))
                .header("Authorization", basic("stats:stats"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
        415,
        "UnsupportedMediaTypeException");
  }

  // ---------------------------------------------------------------- operators

  @Test
  void shouldExposeEveryMetricInOpenMetricsText() {
    HttpResponse<String> scrape =
        http.send(
            HttpRequest.newBuilder(http.uri("1/metrics"))
                .header("Authorization", basic("stats:stats"))
                .header("Accept", "application/openmetrics-text; version=1.0.0, text/plain;q=0.5")
                .GET());
    assertEquals(200, scrape.statusCode(), scrape.body());
    assertTrue(
        scrape
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/openmetrics-text"));
    String text = scrape.body();
    assertTrue(text.contains("# TYPE gms_queue_expected_wait_time gauge\n"), text);
    assertTrue(
        text.contains("\ngms_queue_current_number_waiting_chats{queue=\"stats-it\"} 0\n"), text);
    assertTrue(text.contains("\ngms_agent_current_number_chats{agent=\"statagent\"} 0\n"), text);
    assertTrue(
        text.matches("(?s).*\ngms_agent_current_state\\{agent=\"statagent\",state=\"\\w+\"} 1\n.*"),
        text);
    assertTrue(text.endsWith("# EOF\n"), text);

    HttpResponse<String> plain =
        http.send(
            HttpRequest.newBuilder(http.uri("1/metrics"))
                .header("Authorization", basic("admin:admin"))
                .header("Accept", "text/plain")
                .GET());
    assertEquals(200, plain.statusCode(), plain.body());
    assertTrue(plain.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));

    assertError(http.get("1/metrics"), 401, "AuthenticationRequiredException");
    assertError(
        http.send(
            HttpRequest.newBuilder(http.uri("1/metrics"))
                .header("Authorization", basic("agent1:agent1"))
                .GET()),
        403,
        "AccessDeniedException");
  }

  // ---------------------------------------------------------------- helpers

  private static Map<String, String> queueStat(String metric) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("objectId", QUEUE);
    form.put("objectType", "Queue");
    form.put("tenant", "Environment");
    form.put("tenantPassword", "");
    form.put("metric", metric);
    return form;
  }

  private static Map<String, String> agentStat(String login, String metric) {
    Map<String, String> form = queueStat(metric);
    form.put("objectId", login);
    form.put("objectType", "Agent");
    return form;
  }

  /** A value computed now (max-age=0), through the internal resource. */
  private Object value(Map<String, String> form) {
    HttpResponse<String> response =
        internal.send(
            HttpRequest.newBuilder(internal.uri("1/internal_statistic"))
                .header("Cache-Control", "max-age=0")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(form))));
    Object value = assertOkJson(response).get("value");
    return value instanceof Number n ? (Object) n.longValue() : value;
  }

  private Object queue(String metric) {
    return value(queueStat(metric));
  }

  private Object agent(String login, String metric) {
    return value(agentStat(login, metric));
  }

  private HttpResponse<String> peek(
      String path, String credentials, String cacheControl, Map<String, String> form) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(http.uri(path))
            .header("Authorization", basic(credentials))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(Http.form(form)));
    if (cacheControl != null) {
      request.header("Cache-Control", cacheControl);
    }
    return http.send(request);
  }

  private static long number(HttpResponse<String> response) {
    return ((Number) assertOkJson(response).get("value")).longValue();
  }

  private static String age(HttpResponse<String> response) {
    return response.headers().firstValue("Age").orElseThrow();
  }

  /** The clock moved {@code seconds}; real time adds at most a few more. */
  private static void assertAge(long seconds, HttpResponse<String> response) {
    long age = Long.parseLong(age(response));
    assertTrue(age >= seconds && age <= seconds + 5, "Age " + age + ", expected ~" + seconds);
  }

  private String create(String service) {
    String id =
        (String)
            assertOkJson(
                    http.send(
                        HttpRequest.newBuilder(http.uri("1/service/" + service))
                            .POST(HttpRequest.BodyPublishers.noBody())))
                .get("_id");
    services.add(id);
    return id;
  }

  /** Starts a chat on the stats-it queue; answers its chatSessionId. */
  private String startChat(String subject) {
    String service = create("stats-chat");
    return (String)
        assertOkJson(
                http.postForm("1/service/" + service + "/ixn/chat", Map.of("subject", subject)))
            .get("chatSessionId");
  }

  private String pollStatus(String service) {
    return (String)
        assertOkJson(http.postForm("1/service/" + service + "/status", Map.of())).get("_status");
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
