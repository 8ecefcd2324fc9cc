package org.opengms.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.opengms.config.ConfigurationProvider;

/**
 * The one outbound HTTP client: pooled, no redirects, and every connection checked against the
 * {@link OutboundPolicy} in force, on the addresses DNS resolved for that very connection.
 */
@ApplicationScoped
public class OutboundHttp {

  @Inject ConfigurationProvider configuration;

  private CloseableHttpClient client;

  /** The answer of a POST: its status, or why no answer came. */
  public record Result(int status, String error) {

    public boolean delivered() {
      return status == 200;
    }

    public String describe() {
      return error != null ? error : "HTTP " + status;
    }
  }

  @PostConstruct
  void start() {
    HttpSettings settings = configuration.current().get(HttpSettings.class);
    PoolingHttpClientConnectionManager pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new PolicyResolver())
            .setMaxConnPerRoute(settings.maxPerRoute())
            .setMaxConnTotal(settings.maxTotal())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                    .setSocketTimeout(Timeout.ofMilliseconds(settings.socketTimeoutMillis()))
                    .build())
            .build();
    client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.ofMilliseconds(settings.socketTimeoutMillis()))
                    .setConnectionRequestTimeout(
                        Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                    .build())
            .evictIdleConnections(Timeout.of(30, TimeUnit.SECONDS))
            .build();
  }

  /** Lifecycle callbacks may not throw checked exceptions (Jakarta Annotations; Payara refuses). */
  @PreDestroy
  void stop() {
    client.close(CloseMode.GRACEFUL);
  }

  /** POSTs {@code body} as {@code contentType}; never throws for network or policy failures. */
  public Result post(URI target, String body, String contentType, Map<String, String> headers) {
    if (!"http".equalsIgnoreCase(target.getScheme())
        && !"https".equalsIgnoreCase(target.getScheme())) {
      return new Result(0, "not an http(s) URL: " + target);
    }
    HttpPost post = new HttpPost(target);
    post.setEntity(
        new StringEntity(body, ContentType.parse(contentType).withCharset(StandardCharsets.UTF_8)));
    headers.forEach(post::setHeader);
    try {
      return client.execute(
          post,
          response -> {
            EntityUtils.consume(response.getEntity());
            return new Result(response.getCode(), null);
          });
    } catch (OutboundPolicy.RefusedHostException e) {
      return new Result(0, e.getMessage());
    } catch (IOException | RuntimeException e) {
      return new Result(0, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Resolves as the system does, then keeps only the addresses the policy permits. */
  private final class PolicyResolver implements DnsResolver {

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      return configuration
          .current()
          .get(OutboundPolicy.class)
          .permitted(host, SystemDefaultDnsResolver.INSTANCE::resolve);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
      return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
  }
}
