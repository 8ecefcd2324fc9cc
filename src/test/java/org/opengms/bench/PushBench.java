package org.opengms.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.opengms.testing.ApnsStandIn;
import org.opengms.testing.FcmStandIn;
import org.opengms.testing.Http2StandIn;

/**
 * Push delivery throughput (bench/push.sh): starts the APNs and FCM stand-ins, writes their ports
 * for the script (which then starts the server configured to use them), creates N ios and N android
 * subscriptions, and for each type runs publishers for a while. Deliveries/s are counted by the
 * stand-ins. Args: base-url ports-file N seconds publishers.
 */
public final class PushBench {

  public static void main(String[] args) throws Exception {
    String base = args[0].replaceAll("/$", "");
    Path portsFile = Path.of(args[1]);
    int n = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int publishers = Integer.parseInt(args[4]);
    try (ApnsStandIn apns = new ApnsStandIn();
        FcmStandIn fcm = new FcmStandIn()) {
      apns.server().recording(false);
      fcm.server().recording(false);
      Files.writeString(
          portsFile.resolveSibling(portsFile.getFileName() + ".tmp"),
          "APNS_PORT="
              + apns.server().port(0)
              + "\nSANDBOX_PORT="
              + apns.server().port(1)
              + "\nFCM_PORT="
              + fcm.server().port(0)
              + "\n");
      Files.move(portsFile.resolveSibling(portsFile.getFileName() + ".tmp"), portsFile);
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      awaitOnline(client, base);
      for (int i = 0; i < n; i++) {
        subscribe(client, base, "ios", apnsToken(), "bench.ios.*");
        subscribe(
            client, base, "android", "bench" + UUID.randomUUID() + ":APA91b", "bench.android.*");
      }
      System.out.println("SETUP " + n + " ios and " + n + " android subscriptions");
      run(client, base, "ios", "bench.ios.event", apns.server(), n, seconds, publishers);
      run(client, base, "android", "bench.android.event", fcm.server(), n, seconds, publishers);
      System.out.println(
          "CONNECTIONS apns="
              + apns.server().connectionsOpened()
              + " fcm="
              + fcm.server().connectionsOpened()
              + " fcm_token_requests="
              + fcm.tokenRequests());
    }
  }

  private static void run(
      HttpClient client,
      String base,
      String type,
      String tag,
      Http2StandIn standIn,
      int n,
      int seconds,
      int publishers)
      throws Exception {
    load(client, base, tag, 5, publishers); // warm-up
    long before = standIn.answered();
    int connectionsBefore = standIn.connectionsOpened();
    Result r = load(client, base, tag, seconds, publishers);
    long delivered = standIn.answered() - before;
    List<Long> lat = r.latenciesMicros;
    Collections.sort(lat);
    System.out.printf(
        "RESULT %s subscriptions=%d publishers=%d seconds=%d publishes=%d publishes/s=%.1f"
            + " deliveries/s=%.0f non200=%d p50_ms=%.1f p99_ms=%.1f new_connections=%d%n",
        type,
        n,
        publishers,
        seconds,
        r.publishes.get(),
        r.publishes.get() / (double) seconds,
        delivered / (double) seconds,
        r.non200.get(),
        lat.isEmpty() ? 0 : lat.get(lat.size() / 2) / 1000.0,
        lat.isEmpty() ? 0 : lat.get(Math.min(lat.size() - 1, lat.size() * 99 / 100)) / 1000.0,
        standIn.connectionsOpened() - connectionsBefore);
  }

  private record Result(AtomicLong publishes, AtomicLong non200, List<Long> latenciesMicros) {}

  private static Result load(
      HttpClient client, String base, String tag, int seconds, int publishers)
      throws InterruptedException {
    Result result =
        new Result(
            new AtomicLong(), new AtomicLong(), Collections.synchronizedList(new ArrayList<>()));
    AtomicBoolean stop = new AtomicBoolean();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/1/notification/publish"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"tag\":\"" + tag + "\",\"message\":\"bench\"}"))
            .timeout(Duration.ofSeconds(30))
            .build();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < publishers; i++) {
      Thread t =
          new Thread(
              () -> {
                while (!stop.get()) {
                  long start = System.nanoTime();
                  try {
                    int status =
                        client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 200) {
                      result.non200.incrementAndGet();
                    }
                  } catch (Exception e) {
                    result.non200.incrementAndGet();
                  }
                  result.latenciesMicros.add((System.nanoTime() - start) / 1000);
                  result.publishes.incrementAndGet();
                }
              });
      t.start();
      threads.add(t);
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    return result;
  }

  private static void awaitOnline(HttpClient client, String base) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/1/admin/node/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.body().contains("ONLINE")) {
          return;
        }
      } catch (Exception e) {
        // not up yet
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("server not ONLINE");
  }

  private static void subscribe(
      HttpClient client, String base, String type, String device, String filter) throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/1/notification/subscription"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"subscriberId\":\"bench\",\"filter\":\""
                            + filter
                            + "\",\"expire\":86400,\"notificationDetails\":{\"type\":\""
                            + type
                            + "\",\"deviceId\":\""
                            + device
                            + "\"}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("subscribe " + type + ": " + r.statusCode() + " " + r.body());
    }
  }

  private static String apnsToken() {
    byte[] token = new byte[32];
    ThreadLocalRandom.current().nextBytes(token);
    return HexFormat.of().formatHex(token);
  }
}
