package org.opengms.notification.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * {@code android}, {@code gcm} and {@code fcm}: Firebase Cloud Messaging HTTP v1, POST {@code
 * <fcm.url>/v1/projects/<project>/messages:send} with an OAuth2 access token of the provider's
 * service account. UNREGISTERED, and INVALID_ARGUMENT about the token, deactivate the device's
 * subscriptions; 401 (token refused: a new one is fetched), 429, 5xx and network failures are
 * retried from the outbox; other answers are final.
 */
@ApplicationScoped
public class FcmChannel implements NotificationChannel {

  static final Set<String> TYPES = Set.of("android", "gcm", "fcm");

  @Inject ConfigurationProvider configuration;
  @Inject PushHttp http;
  @Inject FcmTokens tokens;

  @Override
  public String type() {
    return "fcm";
  }

  @Override
  public boolean serves(String type) {
    return TYPES.contains(type);
  }

  @Override
  public boolean retried() {
    return true;
  }

  @Override
  public Optional<String> unusable(Target target) {
    if (target.deviceId().length() > 4096 || !target.deviceId().matches("[A-Za-z0-9_:.\\-]+")) {
      return Optional.of(target.type() + " deviceId must be an FCM registration token");
    }
    if (configuration
        .current()
        .get(PushSettings.class)
        .providers()
        .fcm(target.provider())
        .isEmpty()) {
      return Optional.of("No FCM credentials for provider " + ApnsChannel.providerLabel(target));
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> refusal(Delivery delivery) {
    int bytes = message(delivery, configuration.current()).payloadBytes();
    if (bytes > FcmMessage.MAX_PAYLOAD_BYTES) {
      return Optional.of(
          "FCM payload of "
              + bytes
              + " bytes is over the limit of "
              + FcmMessage.MAX_PAYLOAD_BYTES
              + " bytes");
    }
    return Optional.empty();
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    return deliverAsync(delivery, Runnable::run).join();
  }

  /** The access token is fetched (rarely) on the calling thread; the send holds no thread. */
  @Override
  public CompletableFuture<DeliveryResult> deliverAsync(Delivery delivery, Executor executor) {
    GmsConfiguration config = configuration.current();
    Target target = delivery.target();
    Optional<FcmSettings> found = config.get(PushSettings.class).providers().fcm(target.provider());
    if (found.isEmpty()) {
      return CompletableFuture.completedFuture(
          DeliveryResult.rejected(
              "No FCM credentials for provider " + ApnsChannel.providerLabel(target)));
    }
    FcmSettings fcm = found.get();
    FcmTokens.TokenResult token = tokens.token(fcm);
    if (token.error() != null) {
      return CompletableFuture.completedFuture(DeliveryResult.failed(token.error()));
    }
    URI uri =
        URI.create(
            fcm.url()
                + "/v1/projects/"
                + URLEncoder.encode(fcm.projectId(), StandardCharsets.UTF_8)
                + "/messages:send");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + token.accessToken())
            .header("Content-Type", "application/json; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(message(delivery, config).body()));
    return http.sendAsync(request, uri, fcm.tls())
        .thenApply(
            answer -> {
              if (answer.status() == 401) {
                tokens.refused(fcm, token.accessToken());
              }
              return outcome(answer);
            });
  }

  static DeliveryResult outcome(PushHttp.Answer answer) {
    int status = answer.status();
    if (status == 200) {
      return DeliveryResult.ok();
    }
    if (status == 0) {
      return DeliveryResult.failed("FCM: " + answer.describe());
    }
    Map<?, ?> error = Json.object(answer.body()).get("error") instanceof Map<?, ?> e ? e : Map.of();
    String errorCode = "";
    boolean aboutToken = false;
    if (error.get("details") instanceof List<?> details) {
      for (Object d : details) {
        if (d instanceof Map<?, ?> detail) {
          if (detail.get("errorCode") instanceof String code) {
            errorCode = code;
          }
          if (detail.get("fieldViolations") instanceof List<?> violations) {
            aboutToken |=
                violations.stream()
                    .anyMatch(
                        v -> v instanceof Map<?, ?> m && "message.token".equals(m.get("field")));
          }
        }
      }
    }
    String text = error.get("message") instanceof String m ? m : "";
    aboutToken |= text.toLowerCase(java.util.Locale.ROOT).contains("registration token");
    String statusName = error.get("status") instanceof String s ? s : "";
    String description =
        "FCM " + status + " " + (errorCode.isEmpty() ? statusName : errorCode) + " " + text;
    if (errorCode.equals("UNREGISTERED")
        || (status == 400 && statusName.equals("INVALID_ARGUMENT") && aboutToken)) {
      return DeliveryResult.deviceGone(description.strip());
    }
    if (status == 401 || status == 429 || status >= 500) {
      return DeliveryResult.failed(description.strip());
    }
    return DeliveryResult.rejected(description.strip());
  }

  private static FcmMessage message(Delivery delivery, GmsConfiguration config) {
    Map<String, String> attributes =
        config
            .get(PushSettings.class)
            .osAttributes()
            .resolve(delivery.target().provider(), delivery.tag());
    return FcmMessage.of(
        delivery.target().deviceId(), delivery.message(), delivery.tag(), attributes);
  }
}
