package org.opengms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.opengms.config.ConfigurationProvider;
import org.opengms.outbound.OutboundHttp;

/**
 * {@code orscb}: an event into an ORS session: POST {@code <[ors] url>/scxml/session/<deviceId>/
 * event/<tag>} with the message as body (text/plain); 200 means delivered.
 */
@ApplicationScoped
public class OrsCallbackChannel implements NotificationChannel {

  @Inject OutboundHttp http;
  @Inject ConfigurationProvider configuration;

  @Override
  public String type() {
    return "orscb";
  }

  @Override
  public boolean retried() {
    return true;
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    Optional<String> base = configuration.current().get(PushSettings.class).orsUrl();
    if (base.isEmpty()) {
      return DeliveryResult.failed("[ors] url is not configured");
    }
    String url =
        base.get().replaceAll("/+$", "")
            + "/scxml/session/"
            + encode(delivery.target().deviceId())
            + "/event/"
            + encode(delivery.tag());
    OutboundHttp.Result result =
        http.post(
            URI.create(url),
            delivery.message(),
            "text/plain",
            Map.of("X-GMS-Event-Id", delivery.eventId()));
    return result.delivered() ? DeliveryResult.ok() : DeliveryResult.failed(result.describe());
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
