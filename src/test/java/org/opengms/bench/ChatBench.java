package org.opengms.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.websocket.jakarta.WebSocketTransport;
import org.eclipse.jetty.ee10.websocket.jakarta.client.JakartaWebSocketClientContainer;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Chats over CometD end to end (official CometD Java client, websocket): AGENTS agents (bench0..,
 * password = login) connect with HTTP Basic, subscribe to /_opengms/agent and go ready; then CHATS
 * customers (gms_user c0..) each connect, subscribe to /_genesys, create a request-chat service and
 * start a chat with notify_by=comet. Set-up ends when every agent was pushed its assignments. Then
 * ROUNDS rounds (CONCURRENCY at a time) on random chats: the customer sends "q&lt;nanoTime&gt;";
 * the agent, on its push, answers "a&lt;same&gt;" through the Agent API; the customer receives the
 * answer by its comet push. Reported: customer → agent push latency, customer → agent → customer
 * round trip, chats/s of set-up. Mode v2: the customers are Chat API v2 ones over CometD without
 * gms_user ({@link ChatBenchV2Customer}, service {@value #V2_SERVICE}), the agents and measures the
 * same. Every wait is bounded. Args: baseUrl chats agents rounds [concurrency [v1|v2 [serverPid]]];
 * with serverPid the server's RSS is read while the chats are open. Not a test: run by
 * bench/chat.sh.
 */
public final class ChatBench {

  /** The request-chat service of bench/chat-gms.ini that v2 customers use. */
  static final String V2_SERVICE = "request-chat";

  private static final Pattern ID = Pattern.compile("\"_id\"\\s*:\\s*\"([^\"]+)\"");

  private final String base;
  private final boolean v2;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
  private final JakartaWebSocketClientContainer container;
  private final org.eclipse.jetty.client.HttpClient jetty;

  private final AtomicInteger assigned = new AtomicInteger();
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final Queue<Long> agentLatencies = new ConcurrentLinkedQueue<>();
  private final Map<String, CompletableFuture<Long>> roundTrips = new ConcurrentHashMap<>();

  private ChatBench(String base, int connections, boolean v2) throws Exception {
    this.base = base;
    this.v2 = v2;
    jetty = new org.eclipse.jetty.client.HttpClient();
    jetty.setMaxConnectionsPerDestination(connections + 100);
    jetty.start();
    container = new JakartaWebSocketClientContainer(jetty);
    container.setDefaultMaxSessionIdleTimeout(0);
    LifeCycle.start(container);
    http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();
  }

  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/$", ""); // http://127.0.0.1:9180/genesys
    int chats = Integer.parseInt(args[1]);
    int agents = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 8;
    String mode = args.length > 5 ? args[5] : "v1";
    String serverPid = args.length > 6 ? args[6] : "";
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(9);
    ChatBench bench = new ChatBench(base, chats + agents, "v2".equals(mode));
    try {
      bench.run(chats, agents, rounds, concurrency, deadline, mode, serverPid);
    } finally {
      System.exit(0);
    }
  }

  private void run(
      int chats, int agents, int rounds, int concurrency, long deadline, String mode, String pid)
      throws Exception {
    List<BayeuxClient> agentClients = new ArrayList<>();
    for (int k = 0; k < agents; k++) {
      agentClients.add(agent("bench" + k));
    }
    await(() -> agentClients.stream().allMatch(BayeuxClient::isConnected), deadline);
    for (int k = 0; k < agents; k++) {
      String login = "bench" + k;
      check(http.send(agentPost(login, "ready", null), HttpResponse.BodyHandlers.ofString()));
    }
    System.out.printf("agents connected and ready: %d%n", agents);

    // Set-up: at most 50 customers between handshake and chat start at a time.
    String[] services = new String[chats];
    BayeuxClient[] customers = new BayeuxClient[chats];
    ChatBenchV2Customer[] v2Customers = new ChatBenchV2Customer[chats];
    Semaphore inFlight = new Semaphore(50);
    CountDownLatch started = new CountDownLatch(chats);
    long t0 = System.nanoTime();
    for (int i = 0; i < chats && System.nanoTime() < deadline; i++) {
      inFlight.acquire();
      int index = i;
      Runnable done =
          () -> {
            inFlight.release();
            started.countDown();
          };
      if (v2) {
        v2Customers[i] =
            new ChatBenchV2Customer(
                base, V2_SERVICE, scheduler, container, this::agentAnswered, this::fail);
        v2Customers[i].start("c" + i, done);
      } else {
        customers[i] = customer("c" + i, service -> services[index] = service, done);
      }
      if (i % 1000 == 999) {
        System.out.printf("started %d chats, assigned %d%n", i + 1, assigned.get());
      }
    }
    started.await(remainingMillis(deadline), TimeUnit.MILLISECONDS);
    double startSecs = (System.nanoTime() - t0) / 1e9;
    await(() -> assigned.get() >= chats, deadline);
    double setupSecs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "SETUP mode=%s chats=%d agents=%d started_in_s=%.1f assigned=%d all_assigned_in_s=%.1f chats_per_s=%.1f failures=%s%n",
        mode,
        chats,
        agents,
        startSecs,
        assigned.get(),
        setupSecs,
        assigned.get() / setupSecs,
        failures);

    // Rounds: customer → agent (push) → agent reply (REST) → customer (push).
    long[] trips = new long[rounds];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger lost = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(concurrency);
    long r0 = System.nanoTime();
    for (int p = 0; p < concurrency; p++) {
      senders.submit(
          () -> {
            int k;
            while ((k = next.getAndIncrement()) < rounds && System.nanoTime() < deadline) {
              int i = ThreadLocalRandom.current().nextInt(chats);
              boolean ready =
                  v2
                      ? v2Customers[i] != null && v2Customers[i].ready()
                      : services[i] != null && customers[i].isConnected();
              if (!ready) {
                lost.incrementAndGet();
                continue;
              }
              String stamp = Long.toString(System.nanoTime());
              CompletableFuture<Long> trip = new CompletableFuture<>();
              roundTrips.put(stamp, trip);
              try {
                if (v2) {
                  v2Customers[i].send("q" + stamp);
                } else {
                  check(
                      http.send(
                          customerPost(services[i], "c" + i, "send", "message=q" + stamp),
                          HttpResponse.BodyHandlers.ofString()));
                }
                trips[k] = trip.get(10, TimeUnit.SECONDS);
              } catch (Exception e) {
                roundTrips.remove(stamp);
                lost.incrementAndGet();
                failures
                    .computeIfAbsent(
                        "round " + e.getClass().getSimpleName(), x -> new AtomicInteger())
                    .incrementAndGet();
              }
            }
            return null;
          });
    }
    senders.shutdown();
    senders.awaitTermination(remainingMillis(deadline) + 15_000, TimeUnit.MILLISECONDS);
    double roundSecs = (System.nanoTime() - r0) / 1e9;
    long[] ok = java.util.Arrays.stream(trips).filter(x -> x > 0).sorted().toArray();
    long[] toAgent = agentLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        "RESULT mode=%s chats=%d agents=%d rounds=%d completed=%d lost=%d rounds_per_s=%.1f"
            + " to_agent_p50_ms=%.2f p99_ms=%.2f max_ms=%.2f"
            + " round_trip_p50_ms=%.2f p99_ms=%.2f max_ms=%.2f setup_chats_per_s=%.1f"
            + " server_rss_open_mb=%s failures=%s%n",
        mode,
        chats,
        agents,
        rounds,
        ok.length,
        lost.get(),
        ok.length / roundSecs,
        percentile(toAgent, 0.50),
        percentile(toAgent, 0.99),
        percentile(toAgent, 1.0),
        percentile(ok, 0.50),
        percentile(ok, 0.99),
        percentile(ok, 1.0),
        assigned.get() / setupSecs,
        rssMb(pid),
        failures);

    // Leave nothing behind for the next run on the same server: end every chat, agents not ready.
    Semaphore ending = new Semaphore(16);
    for (int i = 0; i < chats; i++) {
      if (v2 && v2Customers[i] != null) {
        ending.acquire();
        v2Customers[i].end(ending::release);
        continue;
      }
      if (services[i] == null) {
        continue;
      }
      ending.acquire();
      http.sendAsync(
              customerPost(services[i], "c" + i, "disconnect", null),
              HttpResponse.BodyHandlers.discarding())
          .whenComplete((r, e) -> ending.release());
    }
    ending.acquire(16);
    for (int k = 0; k < agents; k++) {
      http.send(agentPost("bench" + k, "not-ready", null), HttpResponse.BodyHandlers.discarding());
    }
    for (BayeuxClient c : customers) {
      if (c != null) c.disconnect();
    }
    for (ChatBenchV2Customer c : v2Customers) {
      if (c != null) c.close();
    }
    agentClients.forEach(BayeuxClient::disconnect);
    Thread.sleep(1000);
    LifeCycle.stop(container);
    jetty.stop();
  }

  // ---------------------------------------------------------------- agents

  private BayeuxClient agent(String login) {
    String authorization = basic(login);
    WebSocketTransport transport =
        new WebSocketTransport(new HashMap<>(), scheduler, container) {
          @Override
          protected void onHandshakeRequest(Map<String, List<String>> headers) {
            super.onHandshakeRequest(headers);
            headers.put("Authorization", List.of(authorization));
          }
        };
    BayeuxClient client = new BayeuxClient(base + "/cometd", scheduler, transport);
    client.handshake(
        reply -> {
          if (!reply.isSuccessful()) {
            fail("agent handshake " + reply.get(Message.ERROR_FIELD));
            return;
          }
          client
              .getChannel("/_opengms/agent")
              .subscribe((channel, message) -> onAgentPush(login, message));
        });
    return client;
  }

  @SuppressWarnings("unchecked")
  private void onAgentPush(String login, Message message) {
    long now = System.nanoTime();
    Map<String, Object> data = (Map<String, Object>) message.getData();
    switch (String.valueOf(data.get("type"))) {
      case "assigned" -> assigned.incrementAndGet();
      case "event" -> {
        Object[] event = array(data.get("event"));
        String text = String.valueOf(event[2]);
        if ("Message.Text".equals(event[0]) && "CLIENT".equals(event[4]) && text.startsWith("q")) {
          agentLatencies.add(now - Long.parseLong(text.substring(1)));
          http.sendAsync(
                  agentPost(
                      login,
                      "chats/" + data.get("chatSessionId") + "/send",
                      "message=a" + text.substring(1)),
                  HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (r, e) -> {
                    if (e != null || r.statusCode() != 200) {
                      fail("agent send " + (e != null ? e : r.statusCode()));
                    }
                  });
        }
      }
      default -> {}
    }
  }

  // ---------------------------------------------------------------- customers

  private BayeuxClient customer(
      String user, java.util.function.Consumer<String> serviceCreated, Runnable done) {
    WebSocketTransport transport =
        new WebSocketTransport(new HashMap<>(), scheduler, container) {
          @Override
          protected void onHandshakeRequest(Map<String, List<String>> headers) {
            super.onHandshakeRequest(headers);
            headers.put("gms_user", List.of(user));
          }
        };
    BayeuxClient client = new BayeuxClient(base + "/cometd", scheduler, transport);
    client.handshake(
        reply -> {
          if (!reply.isSuccessful()) {
            fail("customer handshake " + reply.get(Message.ERROR_FIELD));
            done.run();
            return;
          }
          client
              .getChannel("/_genesys")
              .subscribe(
                  (ClientSessionChannel.MessageListener) (c, m) -> onCustomerPush(m),
                  sub -> startChat(user, serviceCreated, done));
        });
    return client;
  }

  private void startChat(String user, java.util.function.Consumer<String> created, Runnable done) {
    http.sendAsync(
            HttpRequest.newBuilder(URI.create(base + "/1/service/request-chat"))
                .timeout(Duration.ofSeconds(30))
                .header("gms_user", user)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .thenCompose(
            r -> {
              Matcher id = ID.matcher(r.body());
              if (r.statusCode() != 200 || !id.find()) {
                throw new IllegalStateException("service " + r.statusCode());
              }
              created.accept(id.group(1));
              return http.sendAsync(
                  customerPost(
                      id.group(1),
                      user,
                      null,
                      "subject=bench&firstName=Bench&lastName=" + user + "&notify_by=comet"),
                  HttpResponse.BodyHandlers.ofString());
            })
        .whenComplete(
            (r, e) -> {
              if (e != null || r.statusCode() != 200) {
                fail("chat start " + (e != null ? e.getCause() : r.statusCode()));
              }
              done.run();
            });
  }

  @SuppressWarnings("unchecked")
  private void onCustomerPush(Message message) {
    long now = System.nanoTime();
    Map<String, Object> data = (Map<String, Object>) message.getData();
    if (!(data.get("message") instanceof Map<?, ?> pushed)) {
      return;
    }
    for (Object shown : array(((Map<String, Object>) pushed).get("transcriptToShow"))) {
      Object[] event = array(shown);
      if ("AGENT".equals(event[4])) {
        agentAnswered(String.valueOf(event[2]), now);
      }
    }
  }

  /** An agent's message reached its customer (v1 or v2) at {@code now}: ends its round trip. */
  private void agentAnswered(String text, long now) {
    if (text.startsWith("a")) {
      CompletableFuture<Long> trip = roundTrips.remove(text.substring(1));
      if (trip != null) {
        trip.complete(now - Long.parseLong(text.substring(1)));
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private HttpRequest customerPost(String service, String user, String request, String form) {
    String path = "/1/service/" + service + "/ixn/chat" + (request == null ? "" : "/" + request);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("gms_user", user);
    return form == null
        ? b.POST(HttpRequest.BodyPublishers.noBody()).build()
        : b.header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
  }

  private HttpRequest agentPost(String login, String path, String form) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/1/agent/" + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", basic(login));
    return form == null
        ? b.POST(HttpRequest.BodyPublishers.noBody()).build()
        : b.header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
  }

  private static String basic(String login) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((login + ":" + login).getBytes(StandardCharsets.UTF_8));
  }

  private static Object[] array(Object value) {
    return value instanceof List<?> list ? list.toArray() : (Object[]) value;
  }

  private void check(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      fail(
          response.uri().getPath().replaceAll("[0-9A-Za-z-]{16,}", "{id}")
              + " "
              + response.statusCode());
    }
  }

  private void fail(String why) {
    failures.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
  }

  private static void await(java.util.function.BooleanSupplier done, long deadline)
      throws InterruptedException {
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  /** VmRSS of process {@code pid} in MB ("n/a" without a pid or /proc). */
  private static String rssMb(String pid) {
    try {
      java.nio.file.Path status = java.nio.file.Path.of("/proc", pid, "status");
      for (String line : java.nio.file.Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          return Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // no pid given or no /proc: not measured
    }
    return "n/a";
  }

  private static long remainingMillis(long deadline) {
    return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(sorted.length * p) - 1));
    return sorted[index] / 1e6;
  }
}
