package org.opengms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opengms.config.ConfigurationProvider;
import org.opengms.outbound.OutboundHttp;

/**
 * {@code httpcb}: POSTs the message (text/plain) to the subscription's URL; 200 means delivered.
 * Headers: the subscription's {@code authorization} as Authorization, {@code X-GMS-Event-Id} (the
 * same on retries), {@code X-GMS-Tag}, and when {@code [push] httpcb_signing_secret} is set {@code
 * X-GMS-Timestamp} (Unix seconds) and {@code X-GMS-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>">}.
 */
@ApplicationScoped
public class HttpCallbackChannel implements NotificationChannel {

  @Inject OutboundHttp http;
  @Inject ConfigurationProvider configuration;

  @Override
  public String type() {
    return "httpcb";
  }

  @Override
  public boolean retried() {
    return true;
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    URI url;
    try {
      url = URI.create(delivery.target().deviceId().strip());
    } catch (IllegalArgumentException e) {
      return DeliveryResult.failed("not a URL: " + delivery.target().deviceId());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (delivery.target().authorization() != null && !delivery.target().authorization().isBlank()) {
      headers.put("Authorization", delivery.target().authorization());
    }
    headers.put("X-GMS-Event-Id", delivery.eventId());
    headers.put("X-GMS-Tag", delivery.tag());
    sign(
        delivery.message(),
        configuration.current().get(PushSettings.class).signingSecret(),
        headers);
    OutboundHttp.Result result = http.post(url, delivery.message(), "text/plain", headers);
    return result.delivered() ? DeliveryResult.ok() : DeliveryResult.failed(result.describe());
  }

  static void sign(String body, Optional<String> secret, Map<String, String> headers) {
    if (secret.isEmpty()) {
      return;
    }
    String timestamp = Long.toString(System.currentTimeMillis() / 1000);
    headers.put("X-GMS-Timestamp", timestamp);
    headers.put("X-GMS-Signature", "sha256=" + hmac(secret.get(), timestamp + "." + body));
  }

  static String hmac(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
