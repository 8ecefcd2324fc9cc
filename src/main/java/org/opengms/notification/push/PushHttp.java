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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.outbound.HttpSettings;
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
 * answer arrived: requests started before the first connection is up each open a connection of
 * their own (measured: a burst of 100 opened 100), APNs grants more concurrent streams only once
 * the first request authenticated, and the JDK 17 client does not wait for a free stream when the
 * server's limit is reached. Requests over the budget wait in line, holding no thread.
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

  /** Sends and waits for the answer. */
  public Answer send(HttpRequest.Builder request, URI uri, TlsSettings tls) {
    return sendAsync(request, uri, tls).join();
  }

  /**
   * Sends the request (built for {@code uri}) without holding a thread while it is under way; the
   * future never fails: network and policy failures are answers with status 0.
   */
  public CompletableFuture<Answer> sendAsync(
      HttpRequest.Builder request, URI uri, TlsSettings tls) {
    GmsConfiguration config = configuration.current();
    String refusal = refusal(uri, config.get(OutboundPolicy.class));
    if (refusal != null) {
      return CompletableFuture.completedFuture(new Answer(0, null, refusal));
    }
    Endpoint endpoint;
    try {
      endpoint =
          endpoints.computeIfAbsent(
              uri.getScheme() + "://" + uri.getAuthority() + " " + tls,
              k -> new Endpoint(client(tls, config)));
    } catch (IllegalStateException e) {
      return CompletableFuture.completedFuture(new Answer(0, null, e.getMessage()));
    }
    HttpRequest built =
        request
            .timeout(Duration.ofMillis(config.get(HttpSettings.class).socketTimeoutMillis()))
            .build();
    CompletableFuture<Answer> answer = new CompletableFuture<>();
    endpoint.start(() -> send(endpoint, built, answer));
    return answer;
  }

  private static void send(
      Endpoint endpoint, HttpRequest request, CompletableFuture<Answer> answer) {
    try {
      endpoint
          .client
          .sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                if (failure == null) {
                  endpoint.answered();
                }
                endpoint.finished();
                answer.complete(
                    failure == null
                        ? new Answer(response.statusCode(), response.body(), null)
                        : new Answer(0, null, describe(failure)));
              });
    } catch (RuntimeException e) {
      endpoint.finished();
      answer.complete(new Answer(0, null, describe(e)));
    }
  }

  private static String describe(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  static String refusal(URI uri, OutboundPolicy policy) {
    String host = uri.getHost();
    try {
      InetAddress[][] looked = new InetAddress[1][];
      InetAddress[] allowed = policy.permitted(host, h -> looked[0] = InetAddress.getAllByName(h));
      // Every address must pass: the JDK client connects to whichever it picks.
      if (allowed.length < looked[0].length) {
        return "refused by [push] outbound_allow: " + host + " has addresses not permitted";
      }
      return null;
    } catch (OutboundPolicy.RefusedHostException e) {
      return e.getMessage();
    } catch (UnknownHostException e) {
      return "unknown host " + host;
    }
  }

  private static HttpClient client(TlsSettings tls, GmsConfiguration config) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_2)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofMillis(config.get(HttpSettings.class).connectTimeoutMillis()))
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

  /** One endpoint's client and its stream budget; requests over budget wait in line. */
  private static final class Endpoint {
    final HttpClient client;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int free = 1;
    private boolean opened;

    Endpoint(HttpClient client) {
      this.client = client;
    }

    void start(Runnable send) {
      synchronized (this) {
        if (free == 0) {
          waiting.add(send);
          return;
        }
        free--;
      }
      send.run();
    }

    /** The first answer on this endpoint: the full stream budget from now on. */
    void answered() {
      List<Runnable> ready = new ArrayList<>();
      synchronized (this) {
        if (opened) {
          return;
        }
        opened = true;
        free += MAX_STREAMS - 1;
        while (free > 0 && !waiting.isEmpty()) {
          free--;
          ready.add(waiting.poll());
        }
      }
      ready.forEach(Runnable::run);
    }

    void finished() {
      Runnable next;
      synchronized (this) {
        next = waiting.poll();
        if (next == null) {
          free++;
        }
      }
      if (next != null) {
        next.run();
      }
    }
  }
}
