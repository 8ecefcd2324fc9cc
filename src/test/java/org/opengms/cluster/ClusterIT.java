package org.opengms.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengms.testing.Burst;
import org.opengms.testing.CallbackReceiver;
import org.opengms.testing.CometClient;
import org.opengms.testing.Conditions;
import org.opengms.testing.Http;
import org.opengms.testing.Json;
import org.opengms.testing.Multipart;

/**
 * Two WildFly nodes on one PostgreSQL behind HAProxy, started by {@code .ci/cluster}, which passes
 * {@code -Dcluster.balancer} (HAProxy: round-robin for REST, sticky on {@code BAYEUX_BROWSER} for
 * CometD) and {@code -Dcluster.nodes} (each node directly). Skipped without them. The balancer
 * answers {@code X-GMS-Node} with the node that served a request.
 */
class ClusterIT {

  private static URL balancer;
  private static List<URL> nodes;

  @BeforeAll
  static void cluster() throws Exception {
    String lb = System.getProperty("cluster.balancer", "");
    assumeTrue(!lb.isBlank(), "no cluster: run .ci/cluster");
    balancer = URI.create(lb).toURL();
    nodes = new ArrayList<>();
    for (String n : System.getProperty("cluster.nodes").split(",")) {
      nodes.add(URI.create(n.strip()).toURL());
    }
    assertEquals(2, nodes.size());
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Every node: the comet session is on one of them, so one of the publishes crosses nodes. */
  @Test
  void shouldDeliverACometNotificationPublishedOnEitherNode() {
    assertCometNotificationsFromEveryNode();
  }

  /**
   * The listening connections of both nodes are killed in PostgreSQL: each node reconnects (0.5 s
   * backoff), and notifications cross nodes again.
   */
  @Test
  void shouldReconnectTheSignalListenersAfterTheirConnectionsDied() throws Exception {
    String count =
        "select count(*) from pg_stat_activity where application_name like 'gms-cluster-signals %'";
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("cluster.db.url"),
                System.getProperty("cluster.db.user"),
                System.getProperty("cluster.db.password"));
        Statement sql = db.createStatement()) {
      assertEquals(2, single(sql, count), "one listener per node");
      sql.execute(
          "select pg_terminate_backend(pid) from pg_stat_activity"
              + " where application_name like 'gms-cluster-signals %'");
      Conditions.await(
          "both listeners back", Duration.ofSeconds(20), () -> single(sql, count) == 2);
    }
    assertCometNotificationsFromEveryNode();
  }

  private static long single(Statement sql, String query) {
    try (ResultSet r = sql.executeQuery(query)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void assertCometNotificationsFromEveryNode() {
    String user = unique("cluster-user-");
    String tag = unique("cl") + ".news";
    try (CometClient comet =
        CometClient.create(balancer, CometClient.Transport.LONG_POLLING, user, false)) {
      assertTrue(comet.handshake().isSuccessful());
      assertTrue(comet.subscribe("/_genesys").isSuccessful());
      // subscribed on node 1: node 2 learns of it through a signal
      Http first = new Http(nodes.get(0));
      HttpResponse<String> subscribed =
          first.send(
              HttpRequest.newBuilder(first.uri("1/notification/subscription"))
                  .header("Content-Type", "application/json")
                  .header("gms_user", user)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"subscriberId\":\""
                              + user
                              + "\",\"filter\":\""
                              + tag
                              + "\",\"notificationDetails\":{\"type\":\"comet\"}}")));
      assertEquals(200, subscribed.statusCode(), subscribed.body());
      for (int i = 0; i < nodes.size(); i++) {
        Http node = new Http(nodes.get(i));
        String text = "from node " + (i + 1);
        // node 2 learns of the subscription within a moment: its publish is repeated until then
        long[] last = {System.nanoTime() - Duration.ofSeconds(3).toNanos()};
        Conditions.await(
            "a publish on node " + (i + 1) + " reaches the session",
            Duration.ofSeconds(15),
            () -> {
              while (comet.pending() > 0) {
                Map<String, Object> data = (Map<String, Object>) comet.next().getData();
                if (text.equals(data.get("message")) && tag.equals(data.get("tag"))) {
                  return true; // (an earlier node's repeated publish may come first)
                }
              }
              if (System.nanoTime() - last[0] > Duration.ofSeconds(2).toNanos()) {
                last[0] = System.nanoTime();
                HttpResponse<String> r =
                    node.post(
                        "1/notification/publish",
                        "application/json",
                        "{\"tag\":\"" + tag + "\",\"message\":\"" + text + "\"}");
                assertEquals(200, r.statusCode(), r.body());
              }
              return false;
            });
      }
    }
  }

  /** Each node lists both, from the heartbeats in the shared database, and knows which it is. */
  @Test
  void shouldListBothNodesOnEitherNode() {
    for (int i = 0; i < nodes.size(); i++) {
      Http http = new Http(nodes.get(i));
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(http.uri("1/admin/nodes"))
                  .header("Authorization", Http.basic("admin", "admin"))
                  .GET());
      assertEquals(200, answer.statusCode(), answer.body());
      Map<String, String> status = new java.util.TreeMap<>();
      String self = null;
      for (Map<String, Object> node : Json.objects(answer.body())) {
        status.put((String) node.get("name"), (String) node.get("status"));
        if (Boolean.TRUE.equals(node.get("self"))) {
          self = (String) node.get("name");
        }
      }
      assertEquals(Map.of("node1", "ONLINE", "node2", "ONLINE"), status, answer.body());
      assertEquals("node" + (i + 1), self, answer.body());
    }
  }

  @Test
  void shouldReadAStorageBinaryOnEitherNode() {
    byte[] content = new byte[3 * 1024 * 1024 + 17];
    ThreadLocalRandom.current().nextBytes(content);
    Http first = new Http(nodes.get(0));
    HttpResponse<String> created =
        first.postMultipart(
            "1/storage/600",
            new Multipart()
                .text("k", "v")
                .file("File", "f.bin", "application/octet-stream", content));
    assertEquals(200, created.statusCode(), created.body());
    String id = (String) Json.object(created.body()).get("id");
    for (URL url : List.of(nodes.get(1), nodes.get(0), balancer, balancer)) {
      HttpResponse<byte[]> read = new Http(url).getBytes("1/storage/binary/" + id + "/File");
      assertEquals(200, read.statusCode(), "read through " + url);
      assertArrayEquals(content, read.body(), "bytes read through " + url);
    }
  }

  @Test
  void shouldHoldTheQueuedCapOfTwentyConcurrentStartsOverBothNodes() throws Exception {
    Http lb = new Http(balancer);
    String n = "5801" + (System.nanoTime() % 1_000_000);
    List<HttpResponse<String>> answers =
        Burst.of(
            20,
            i ->
                lb.post(
                    "1/service/callback/cluster-cap",
                    "application/json",
                    "{\"_customer_number\":\"" + n + i + "\"}"));
    List<String> accepted = new ArrayList<>();
    Set<String> servedBy = new HashSet<>();
    for (HttpResponse<String> r : answers) {
      servedBy.add(r.headers().firstValue("X-GMS-Node").orElse("?"));
      if (r.statusCode() == 200) {
        accepted.add((String) Json.object(r.body()).get("_id"));
      } else {
        assertEquals(503, r.statusCode(), r.body());
        assertEquals(
            "Limit of queued callbacks for cluster-cap is reached.",
            Json.object(r.body()).get("message"));
      }
    }
    assertEquals(Set.of("node1", "node2"), servedBy, "the starts were split over both nodes");
    assertEquals(3, accepted.size(), "accepted of 20 concurrent starts with cap 3");
    for (String id : accepted) {
      assertEquals(200, lb.delete("1/service/callback/cluster-cap/" + id).statusCode());
    }
  }

  @Test
  void shouldHoldARateWindowAcrossNodes() throws Exception {
    Http lb = new Http(balancer);
    String n = "5802" + (System.nanoTime() % 1_000_000);
    List<HttpResponse<String>> answers =
        Burst.of(
            12,
            i ->
                lb.post(
                    "1/service/callback/cluster-rate",
                    "application/json",
                    "{\"_customer_number\":\"" + n + i + "\"}"));
    int accepted = 0;
    Set<String> servedBy = new HashSet<>();
    for (HttpResponse<String> r : answers) {
      servedBy.add(r.headers().firstValue("X-GMS-Node").orElse("?"));
      if (r.statusCode() == 200) {
        accepted++;
        String id = (String) Json.object(r.body()).get("_id");
        lb.delete("1/service/callback/cluster-rate/" + id);
      } else {
        assertEquals(503, r.statusCode(), r.body());
        assertEquals(
            "Limit of queued callbacks for cluster-rate is reached for interval 60s.",
            Json.object(r.body()).get("message"));
      }
    }
    assertEquals(Set.of("node1", "node2"), servedBy, "the starts were split over both nodes");
    assertEquals(4, accepted, "accepted of 12 concurrent starts in a window of 4");
  }

  /** Both nodes scan for due callbacks every second; the callback becomes QUEUED once. */
  @Test
  void shouldStartAScheduledCallbackOnce() {
    Http lb = new Http(balancer);
    try (CallbackReceiver target = new CallbackReceiver("127.0.0.1")) {
      String due =
          DateTimeFormatter.ISO_INSTANT.format(
              Instant.now().plusSeconds(8).atOffset(ZoneOffset.UTC).withNano(0));
      HttpResponse<String> started =
          lb.post(
              "1/service/callback/cluster-scheduled",
              "application/json",
              "{\"_customer_number\":\"5803"
                  + (System.nanoTime() % 1_000_000)
                  + "\",\"_desired_time\":\""
                  + due
                  + "\",\"status_url\":\""
                  + target.url()
                  + "/s\"}");
      assertEquals(200, started.statusCode(), started.body());
      String id = (String) Json.object(started.body()).get("_id");
      List<String> events = new ArrayList<>();
      Conditions.await(
          "the callback queued",
          Duration.ofSeconds(30),
          () -> {
            CallbackReceiver.Received r = target.next(Duration.ofSeconds(1));
            if (r != null) {
              events.add((String) Json.object(r.body()).get("event"));
            }
            return events.contains("_cbe_on_callback_queued");
          });
      // both schedulers scan every second: three more scans each, and no second start
      for (int i = 0; i < 3; i++) {
        CallbackReceiver.Received r = target.next(Duration.ofSeconds(1));
        if (r != null) {
          events.add((String) Json.object(r.body()).get("event"));
        }
      }
      assertEquals(
          1, events.stream().filter("_cbe_on_callback_queued"::equals).count(), events.toString());
      lb.delete("1/service/callback/cluster-scheduled/" + id);
    }
  }

  /**
   * A notification whose first delivery failed waits in the outbox; both nodes retry due entries
   * every second, and the entry is delivered once.
   */
  @Test
  void shouldRetryAnOutboxEntryOnceOverBothNodes() {
    Http first = new Http(nodes.get(0));
    String tag = unique("ob") + ".retry";
    try (CallbackReceiver target = new CallbackReceiver("127.0.0.1")) {
      target.answer(503); // the first attempt fails: the delivery goes to the outbox
      HttpResponse<String> subscribed =
          first.post(
              "1/notification/subscription",
              "application/json",
              "{\"subscriberId\":\""
                  + unique("ob-")
                  + "\",\"filter\":\""
                  + tag
                  + "\",\"notificationDetails\":{\"type\":\"httpcb\",\"deviceId\":\""
                  + target.url()
                  + "/outbox\"}}");
      assertEquals(200, subscribed.statusCode(), subscribed.body());
      HttpResponse<String> published =
          first.post(
              "1/notification/publish",
              "application/json",
              "{\"tag\":\"" + tag + "\",\"message\":\"once\"}");
      // GMS answers 503 when a delivery failed; the delivery is kept in the outbox
      assertEquals(503, published.statusCode(), published.body());
      CallbackReceiver.Received failed = target.next(Duration.ofSeconds(10));
      assertTrue(failed != null, "the first attempt");
      target.answer(200);
      CallbackReceiver.Received retried = target.next(Duration.ofSeconds(20));
      assertTrue(retried != null, "a retry from the outbox ([push] retry_initial_delay 2 s)");
      assertEquals(failed.body(), retried.body());
      assertEquals(failed.header("X-GMS-Event-Id"), retried.header("X-GMS-Event-Id"));
      // both nodes scan every second: four more scans each, and no second delivery
      assertEquals(null, target.next(Duration.ofSeconds(4)), "delivered once");
    }
  }
}
