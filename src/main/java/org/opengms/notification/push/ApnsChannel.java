package org.opengms.notification.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.notification.Delivery;
import org.opengms.notification.DeliveryResult;
import org.opengms.notification.NotificationChannel;
import org.opengms.notification.PushSettings;
import org.opengms.notification.Target;

/**
 * {@code ios}: Apple Push Notification service, HTTP/2 provider API with token authentication. POST
 * {@code <apple.url or apple.sandbox_url>/3/device/<deviceId>}, the sandbox for subscriptions whose
 * {@code debug} property is {@code debug} or {@code true}; {@code apns-id} is the delivery's event
 * id (the same on retries). 410 and 400 BadDeviceToken deactivate the device's subscriptions; 429,
 * 5xx, 403 and network failures are retried from the outbox; other answers are final.
 */
@ApplicationScoped
public class ApnsChannel implements NotificationChannel {

  @Inject ConfigurationProvider configuration;
  @Inject PushHttp http;
  @Inject ApnsTokens tokens;

  @Override
  public String type() {
    return "ios";
  }

  @Override
  public boolean retried() {
    return true;
  }

  @Override
  public Optional<String> unusable(Target target) {
    if (!target.deviceId().matches("[0-9a-fA-F]{16,200}")) {
      return Optional.of("ios deviceId must be an APNs device token (hexadecimal)");
    }
    if (configuration
        .current()
        .get(PushSettings.class)
        .providers()
        .apns(target.provider())
        .isEmpty()) {
      return Optional.of("No APNs credentials for provider " + providerLabel(target));
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> refusal(Delivery delivery) {
    int bytes = message(delivery, configuration.current(), "").payloadBytes();
    if (bytes > ApnsMessage.MAX_PAYLOAD_BYTES) {
      return Optional.of(
          "APNs payload of "
              + bytes
              + " bytes is over the limit of "
              + ApnsMessage.MAX_PAYLOAD_BYTES
              + " bytes");
    }
    return Optional.empty();
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    return deliverAsync(delivery, Runnable::run).join();
  }

  @Override
  public CompletableFuture<DeliveryResult> deliverAsync(Delivery delivery, Executor executor) {
    GmsConfiguration config = configuration.current();
    Target target = delivery.target();
    Optional<ApnsSettings> found =
        config.get(PushSettings.class).providers().apns(target.provider());
    if (found.isEmpty()) {
      return CompletableFuture.completedFuture(
          DeliveryResult.rejected("No APNs credentials for provider " + providerLabel(target)));
    }
    ApnsSettings apns = found.get();
    ApnsMessage message = message(delivery, config, apns.topic());
    URI base = target.debug() ? apns.sandboxUrl() : apns.productionUrl();
    URI uri = URI.create(base + "/3/device/" + target.deviceId());
    String jwt = tokens.token(apns);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("authorization", "bearer " + jwt)
            .header("apns-id", delivery.eventId())
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(message.payload()));
    message.headers().forEach(request::header);
    return http.sendAsync(request, uri, apns.tls()).thenApply(a -> outcome(a, apns, jwt));
  }

  private DeliveryResult outcome(PushHttp.Answer answer, ApnsSettings apns, String jwt) {
    int status = answer.status();
    if (status == 200) {
      return DeliveryResult.ok();
    }
    if (status == 0) {
      return DeliveryResult.failed("APNs: " + answer.describe());
    }
    String reason = Json.object(answer.body()).get("reason") instanceof String r ? r : "";
    String error = "APNs " + status + (reason.isEmpty() ? "" : " " + reason);
    if (status == 410 || (status == 400 && reason.equals("BadDeviceToken"))) {
      return DeliveryResult.deviceGone(error);
    }
    if (status == 403 && reason.equals("ExpiredProviderToken")) {
      tokens.expired(apns, jwt);
    }
    if (status == 403 || status == 429 || status >= 500) {
      return DeliveryResult.failed(error);
    }
    return DeliveryResult.rejected(error);
  }

  private static ApnsMessage message(Delivery delivery, GmsConfiguration config, String topic) {
    Map<String, String> attributes =
        config
            .get(PushSettings.class)
            .osAttributes()
            .resolve(delivery.target().provider(), delivery.tag());
    return ApnsMessage.of(delivery.message(), delivery.tag(), attributes, topic, Instant.now());
  }

  static String providerLabel(Target target) {
    return target.provider() == null ? "(default: [push])" : target.provider();
  }
}
