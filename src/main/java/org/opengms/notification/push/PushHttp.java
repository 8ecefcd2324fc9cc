package org.opengms.notification.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.outbound.OutboundPolicy;

/**
 * HTTP/2 to the push networks with the JDK's client (no dependency; HTTP/2 over TLS by ALPN): one
 * client, hence one connection carrying many concurrent streams, per endpoint (scheme, host, port,
 * trust store). Apache HttpClient 5 classic, our other outbound client, speaks only HTTP/1.1.
 *
 * <p>Every request is checked against {@code [push] outbound_allow} on the addresses its host
 * resolves to just before sending; all of them must be permitted. The JDK client resolves again
 * when it opens a connection and offers no resolver hook, so an answer that changes between the two
 * look-ups (DNS rebinding) is not caught here; the JVM's address cache (30 s by default) makes the
 * two look-ups agree in practice, and these URLs come from the configuration, never from
 * subscribers.
 *
 * <p>At most {@link #MAX_STREAMS} requests are in flight per endpoint, and only one until the first
 * answer arrived: APNs grants more concurrent streams once the first request authenticated, and the
 * JDK client (17) does not wait for a stream when the server's limit is reached.
 */
@ApplicationScoped
public class PushHttp {

  static final int MAX_STREAMS = 100;

  @Inject ConfigurationProvider configuration;

  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

  /** An answer: the status and body, or (status 0) why none came. */
  public record Answer(int status, String body, String error) {

    String describe() {
      return error != null ? error : "HTTP " + status;
    }
  }

  /** Sends the request (built for {@code uri}); never throws for network or policy failures. */
  public Answer send(HttpRequest.Builder request, URI uri, TlsSettings tls) {
    GmsConfiguration config = configuration.current();
    String refusal = refusal(uri, config.push().outboundPolicy());
    if (refusal != null) {
      return new Answer(0, null, refusal);
    }
    Endpoint endpoint;
    try {
      endpoint =
          endpoints.computeIfAbsent(
              uri.getScheme() + "://" + uri.getAuthority() + " " + tls,
              k -> new Endpoint(client(tls, config)));
    } catch (IllegalStateException e) {
      return new Answer(0, null, e.getMessage());
    }
    Duration timeout = Duration.ofMillis(config.http().socketTimeoutMillis());
    try {
      if (!endpoint.permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return new Answer(0, null, "no free stream to " + uri.getAuthority() + " in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, null, "interrupted");
    }
    try {
      HttpResponse<String> response =
          endpoint.client.send(
              request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
      endpoint.answered();
      return new Answer(response.statusCode(), response.body(), null);
    } catch (IOException e) {
      return new Answer(0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, null, "interrupted");
    } finally {
      endpoint.permits.release();
    }
  }

  static String refusal(URI uri, OutboundPolicy policy) {
    String host = uri.getHost();
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!policy.permits(host, address)) {
          return "refused by [push] outbound_allow: "
              + host
              + " resolves to "
              + address.getHostAddress()
              + ", which is not permitted";
        }
      }
      return null;
    } catch (UnknownHostException e) {
      return "unknown host " + host;
    }
  }

  private static HttpClient client(TlsSettings tls, GmsConfiguration config) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_2)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofMillis(config.http().connectTimeoutMillis()))
        .sslContext(sslContext(tls))
        .build();
  }

  private static SSLContext sslContext(TlsSettings tls) {
    try {
      if (tls.trustStore().isEmpty()) {
        return SSLContext.getDefault();
      }
      char[] password = tls.trustStorePassword().toCharArray();
      KeyStore store = KeyStore.getInstance(tls.trustStore().get().toFile(), password);
      try (InputStream in = Files.newInputStream(tls.trustStore().get())) {
        store.load(in, password);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException(
          "cannot use trust store " + tls.trustStore().get() + ": " + e.getMessage());
    }
  }

  /** One endpoint's client and its stream budget. */
  private static final class Endpoint {
    final HttpClient client;
    final Semaphore permits = new Semaphore(1);
    final AtomicBoolean opened = new AtomicBoolean();

    Endpoint(HttpClient client) {
      this.client = client;
    }

    void answered() {
      if (opened.compareAndSet(false, true)) {
        permits.release(MAX_STREAMS - 1);
      }
    }
  }
}
