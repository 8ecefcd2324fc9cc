import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loopback stand-in for an ORS execution service, for bench/callback.sh: answers 200 to every
 * submitted callback and records its lateness (arrival time minus the callback's _desired_time).
 * Run: java bench/CallbackSink.java PORT. GET /stats answers "count p50_ms p99_ms max_ms".
 */
public class CallbackSink {
  private static final Pattern DESIRED = Pattern.compile("\"_desired_time\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    List<Long> lateness = Collections.synchronizedList(new ArrayList<>());
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/",
        exchange -> {
          long now = System.currentTimeMillis();
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          byte[] answer = new byte[0];
          if ("GET".equals(exchange.getRequestMethod())) {
            List<Long> copy;
            synchronized (lateness) {
              copy = new ArrayList<>(lateness);
            }
            Collections.sort(copy);
            int n = copy.size();
            answer =
                (n == 0
                        ? "0 0 0 0"
                        : n
                            + " "
                            + copy.get((int) Math.min(n - 1, Math.ceil(n * 0.50) - 1))
                            + " "
                            + copy.get((int) Math.min(n - 1, Math.ceil(n * 0.99) - 1))
                            + " "
                            + copy.get(n - 1))
                    .getBytes(StandardCharsets.UTF_8);
          } else {
            Matcher m = DESIRED.matcher(body);
            if (m.find()) {
              lateness.add(now - Instant.parse(m.group(1)).toEpochMilli());
            }
          }
          exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
          if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
          }
          exchange.close();
        });
    server.start();
  }
}
