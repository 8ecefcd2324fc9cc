import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loopback HTTP sink for the httpcb benchmark: answers 200 to every request and counts them.
 * Run: java bench/HttpSink.java PORT. GET /count answers the count (not counted); the count is
 * printed on exit (SIGTERM) as "SINK_COUNT n".
 */
public class HttpSink {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    AtomicLong count = new AtomicLong();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    server.setExecutor(pool);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      byte[] body;
      if ("GET".equals(exchange.getRequestMethod()) && "/count".equals(exchange.getRequestURI().getPath())) {
        body = Long.toString(count.get()).getBytes();
      } else {
        count.incrementAndGet();
        body = new byte[0];
      }
      exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("SINK_COUNT " + count.get())));
    server.start();
    System.out.println("SINK_READY " + port);
  }
}
