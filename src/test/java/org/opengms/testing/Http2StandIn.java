package org.opengms.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * An HTTP/2-only server over TLS on loopback (Jetty), the base of the APNs and FCM stand-ins: it
 * records every request with the connection it came on and answers what the test's function says.
 * Its certificate is the self-signed one in src/test/resources/push (the WAR trusts it through the
 * providers' trust_store option).
 */
public final class Http2StandIn implements AutoCloseable {

  /** One received request; header names in lower case. */
  public record Received(
      String method,
      String path,
      Map<String, String> headers,
      String body,
      String connection,
      int localPort,
      String protocol) {

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** What to answer. */
  public record Reply(int status, String json) {}

  private final Server server = new Server();
  private final List<ServerConnector> connectors = new ArrayList<>();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong answered =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean recording = true;
  private volatile Function<Received, Reply> answer = r -> new Reply(200, "{}");

  /** Starts with {@code ports} connectors, each on its own ephemeral port. */
  public Http2StandIn(int ports) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(resource("push/standin-keystore.p12"));
    ssl.setKeyStorePassword("standin");
    ssl.setKeyStoreType("PKCS12");
    ssl.setCipherComparator(HTTP2Cipher.COMPARATOR);
    for (int i = 0; i < ports; i++) {
      HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(new HttpConfiguration());
      h2.setMaxConcurrentStreams(1000); // as APNs once a connection is authenticated
      ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2");
      alpn.setDefaultProtocol("h2");
      ServerConnector connector =
          new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      connector.addEventListener(
          new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
              if (connection instanceof SslConnection) {
                connections.incrementAndGet();
              }
            }
          });
      server.addConnector(connector);
      connectors.add(connector);
    }
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            Map<String, String> headers = new TreeMap<>();
            for (HttpField field : request.getHeaders()) {
              headers.put(field.getLowerCaseName(), field.getValue());
            }
            Received r =
                new Received(
                    request.getMethod(),
                    request.getHttpURI().getPath(),
                    headers,
                    Content.Source.asString(request, StandardCharsets.UTF_8),
                    request.getConnectionMetaData().getId(),
                    Request.getLocalPort(request),
                    request.getConnectionMetaData().getProtocol());
            Reply reply = answer.apply(r);
            answered.incrementAndGet();
            if (recording) {
              received.add(r);
            }
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            Content.Sink.write(response, true, reply.json(), callback);
            return true;
          }
        });
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String resource(String name) {
    try {
      return Path.of(Http2StandIn.class.getClassLoader().getResource(name).toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port(int connector) {
    return connectors.get(connector).getLocalPort();
  }

  public void answer(Function<Received, Reply> answer) {
    this.answer = answer;
  }

  /** Whether requests are kept for {@link #next}/{@link #drain} (benchmarks only count them). */
  public void recording(boolean keep) {
    recording = keep;
  }

  /** Requests answered so far. */
  public long answered() {
    return answered.get();
  }

  /** TCP (TLS) connections accepted so far. */
  public int connectionsOpened() {
    return connections.get();
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

  /** Forgets the requests received so far. */
  public List<Received> drain() {
    List<Received> all = new ArrayList<>();
    received.drainTo(all);
    return all;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
