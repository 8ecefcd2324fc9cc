package org.opengms.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometd.bayeux.Message;
import org.cometd.client.BayeuxClient;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.eclipse.jetty.ee10.websocket.jakarta.client.JakartaWebSocketClientContainer;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Publish-to-receive latency over CometD (websocket transport, official Java client): CLIENTS
 * clients, each with its own gms_user (u0..), subscribed to /_genesys and owning a comet
 * notification subscription with filter lat.&lt;user&gt;; then ROUNDS publishes of
 * {"tag":"lat.&lt;user&gt;","message":"&lt;nanoTime&gt;"} to random users (PUBLISHERS at a time),
 * timing until that client receives it. Every wait is bounded. Args: baseUrl clients rounds
 * [publishers [firstUser]] (several client JVMs take disjoint users); env CONNECTED_SECS (idle time
 * connected before the rounds), LAT_FILE (writes each round's latency). Not a test: run by
 * bench/comet-latency.sh.
 */
public final class CometLatencyBench {

  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/$", ""); // http://127.0.0.1:9180/genesys
    int clients = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int publishers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    int firstUser = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    // CONNECTED_SECS: how long every client stays connected before the rounds start
    long connectedSecs = Long.parseLong(System.getenv().getOrDefault("CONNECTED_SECS", "0"));
    long deadline =
        System.nanoTime() + TimeUnit.MINUTES.toNanos(8) + connectedSecs * 1_000_000_000L;

    org.eclipse.jetty.client.HttpClient jetty = new org.eclipse.jetty.client.HttpClient();
    jetty.setMaxConnectionsPerDestination(clients + 100);
    jetty.start();
    JakartaWebSocketClientContainer container = new JakartaWebSocketClientContainer(jetty);
    container.setDefaultMaxSessionIdleTimeout(0);
    LifeCycle.start(container);
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();

    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
    BayeuxClient[] sessions = new BayeuxClient[clients];
    AtomicInteger connected = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    Semaphore inFlight = new Semaphore(50);
    CountDownLatch done = new CountDownLatch(clients);
    long t0 = System.nanoTime();
    String wsUrl = base + "/cometd";
    for (int i = 0; i < clients && System.nanoTime() < deadline; i++) {
      String user = "u" + (firstUser + i);
      inFlight.acquire();
      WebSocketTransport transport =
          new WebSocketTransport(new HashMap<>(), scheduler, container) {
            @Override
            protected void onHandshakeRequest(Map<String, List<String>> headers) {
              super.onHandshakeRequest(headers);
              headers.put("gms_user", List.of(user));
            }
          };
      BayeuxClient client = new BayeuxClient(wsUrl, scheduler, transport);
      sessions[i] = client;
      client
          .getChannel("/_genesys")
          .addListener(
              (org.cometd.bayeux.client.ClientSessionChannel.MessageListener) (c, m) -> {});
      client.handshake(
          reply -> {
            if (!reply.isSuccessful()) {
              fail(failures, "handshake " + reply.get(Message.ERROR_FIELD), failed, inFlight, done);
              return;
            }
            client
                .getChannel("/_genesys")
                .subscribe(
                    (c, m) -> {
                      long now = System.nanoTime();
                      Object data = m.getData();
                      if (data instanceof Map<?, ?> d && d.get("message") instanceof String s) {
                        CompletableFuture<Long> f = waiting.remove(s);
                        if (f != null) {
                          f.complete(now - Long.parseLong(s));
                        }
                      }
                    },
                    sub -> {
                      if (!sub.isSuccessful()) {
                        fail(
                            failures,
                            "subscribe " + sub.get(Message.ERROR_FIELD),
                            failed,
                            inFlight,
                            done);
                        return;
                      }
                      String body =
                          "{\"subscriberId\":\""
                              + user
                              + "\",\"filter\":\"lat."
                              + user
                              + "\",\"expire\":86400,\"notificationDetails\":{\"type\":\"comet\"}}";
                      http.sendAsync(
                              post(base + "/1/notification/subscription", body)
                                  .header("gms_user", user)
                                  .build(),
                              HttpResponse.BodyHandlers.discarding())
                          .whenComplete(
                              (r, e) -> {
                                if (e != null || r.statusCode() != 200) {
                                  fail(
                                      failures,
                                      "notification subscription "
                                          + (e != null
                                              ? e.getClass().getSimpleName()
                                              : r.statusCode()),
                                      failed,
                                      inFlight,
                                      done);
                                } else {
                                  connected.incrementAndGet();
                                  inFlight.release();
                                  done.countDown();
                                }
                              });
                    });
          });
      if (i % 1000 == 999) {
        System.out.printf(
            "started %d clients, ready %d, failed %d%n", i + 1, connected.get(), failed.get());
      }
    }
    done.await(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
    double setupSecs = (System.nanoTime() - t0) / 1e9;
    int ready = connected.get();
    int live = 0;
    for (BayeuxClient c : sessions) {
      if (c != null && c.isConnected()) live++;
    }
    System.out.printf(
        "SETUP clients=%d ready=%d connected=%d failed=%d in %.1f s; failures %s%n",
        clients, ready, live, failed.get(), setupSecs, failures);

    if (connectedSecs > 0) {
      System.out.printf("connected, waiting %d s before the rounds%n", connectedSecs);
      Thread.sleep(connectedSecs * 1000); // the scenario under test: clients idle but connected
    }
    // rounds: PUBLISHERS threads publish to random ready users; each waits for the delivery
    long[] lat = new long[rounds];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger lost = new AtomicInteger();
    AtomicInteger non200 = new AtomicInteger();
    ExecutorService pubs = Executors.newFixedThreadPool(publishers);
    long r0 = System.nanoTime();
    for (int p = 0; p < publishers; p++) {
      pubs.submit(
          () -> {
            int k;
            while ((k = next.getAndIncrement()) < rounds && System.nanoTime() < deadline) {
              int u = ThreadLocalRandom.current().nextInt(Math.max(1, clients));
              if (sessions[u] == null || !sessions[u].isConnected()) {
                lat[k] = -1;
                lost.incrementAndGet();
                continue;
              }
              String stamp = Long.toString(System.nanoTime());
              CompletableFuture<Long> f = new CompletableFuture<>();
              waiting.put(stamp, f);
              try {
                HttpResponse<Void> r =
                    http.send(
                        post(
                                base + "/1/notification/publish",
                                "{\"tag\":\"lat.u"
                                    + (firstUser + u)
                                    + "\",\"message\":\""
                                    + stamp
                                    + "\"}")
                            .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) non200.incrementAndGet();
                lat[k] = f.get(10, TimeUnit.SECONDS);
              } catch (Exception e) {
                waiting.remove(stamp);
                lat[k] = -1;
                lost.incrementAndGet();
              }
            }
            return null;
          });
    }
    pubs.shutdown();
    pubs.awaitTermination(
        Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + 15_000, TimeUnit.MILLISECONDS);
    double roundSecs = (System.nanoTime() - r0) / 1e9;
    long[] ok =
        Arrays.stream(lat, 0, Math.min(rounds, next.get())).filter(x -> x > 0).sorted().toArray();
    live = 0;
    for (BayeuxClient c : sessions) {
      if (c != null && c.isConnected()) live++;
    }
    String latFile = System.getenv("LAT_FILE"); // every round's latency in µs, -1 = lost
    if (latFile != null) {
      StringBuilder lines = new StringBuilder();
      for (int k = 0; k < Math.min(rounds, next.get()); k++) {
        lines.append(lat[k] > 0 ? lat[k] / 1000 : -1).append('\n');
      }
      java.nio.file.Files.writeString(java.nio.file.Path.of(latFile), lines);
    }
    if (ok.length > 0) {
      System.out.printf(
          "RESULT clients=%d ready=%d connected_after=%d rounds=%d received=%d lost=%d non200=%d publishes_per_s=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f setup_s=%.1f%n",
          clients,
          ready,
          live,
          ok.length + lost.get(),
          ok.length,
          lost.get(),
          non200.get(),
          (ok.length + lost.get()) / roundSecs,
          ok[ok.length / 2] / 1e6,
          ok[Math.min(ok.length - 1, (int) Math.ceil(ok.length * 0.99) - 1)] / 1e6,
          ok[ok.length - 1] / 1e6,
          setupSecs);
    } else {
      System.out.printf(
          "RESULT clients=%d ready=%d connected_after=%d received=0 lost=%d non200=%d%n",
          clients, ready, live, lost.get(), non200.get());
    }
    for (BayeuxClient c : sessions) {
      if (c != null) c.disconnect();
    }
    Thread.sleep(1000);
    LifeCycle.stop(container);
    jetty.stop();
    scheduler.shutdownNow();
    System.exit(0);
  }

  private static HttpRequest.Builder post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private static void fail(
      Map<String, AtomicInteger> failures,
      String why,
      AtomicInteger failed,
      Semaphore inFlight,
      CountDownLatch done) {
    failures.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
    failed.incrementAndGet();
    inFlight.release();
    done.countDown();
  }
}
