package org.opengms.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback standing in for a callback receiver or an ORS: records every
 * request and answers with a status the test chooses.
 */
public final class CallbackReceiver implements AutoCloseable {

  /** One received request. */
  public record Received(
      String method, String path, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final AtomicInteger status = new AtomicInteger(200);

  public CallbackReceiver(String address) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          // the answer is chosen before the request is seen by the test, so a test that changes
          // the answer after next() returned never changes the answer to that request
          int answer = status.get();
          try (InputStream in = exchange.getRequestBody()) {
            received.add(
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    server.start();
  }

  /** The base URL, e.g. http://127.0.0.1:41234 */
  public String url() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort();
  }

  public void answer(int httpStatus) {
    status.set(httpStatus);
  }

  /** The next request, waiting at most {@code bound}; null if none came. */
  public Received next(Duration bound) {
    try {
      return received.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  public int pending() {
    return received.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
