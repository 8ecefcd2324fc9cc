package org.opengms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.GmsConfiguration;
import org.opengms.outbound.OutboundPolicy;

/** Where a subscription or a direct publish delivers to, checked from its notificationDetails. */
@ApplicationScoped
public class SubscriptionTargets {

  @Inject Channels channels;

  /** Validates notificationDetails; a type that is not enabled is 404, as the reference says. */
  Target of(
      NotificationDetails details,
      String authorization,
      String gmsUser,
      String providerName,
      GmsConfiguration config) {
    if (details == null || details.type == null || details.type.isBlank()) {
      throw new InvalidRequestException("notificationDetails.type is mandatory");
    }
    String type = details.type;
    if (!PushSettings.TYPES.contains(type)) {
      throw new InvalidRequestException("Unknown notificationDetails.type: " + type);
    }
    if (!config.get(PushSettings.class).enabled().contains(type) || channels.of(type).isEmpty()) {
      throw new ResourceNotFoundException("Push type " + type + " is not enabled");
    }
    // reference: the debug connection is used when properties.debug is "debug" or "true"
    String debugValue =
        details.properties == null ? "" : details.properties.getOrDefault("debug", "");
    boolean debug = debugValue.equalsIgnoreCase("debug") || debugValue.equalsIgnoreCase("true");
    if ("comet".equals(type)) {
      if (gmsUser == null || gmsUser.isBlank()) {
        throw new InvalidRequestException("comet subscriptions need the gms_user header");
      }
      return new Target(type, gmsUser, null, debug);
    }
    if (details.deviceId == null || details.deviceId.isBlank()) {
      throw new InvalidRequestException("notificationDetails.deviceId is mandatory");
    }
    if ("httpcb".equals(type)) {
      requireHttpUrl(details.deviceId.strip());
    }
    String provider = providerName == null || providerName.isBlank() ? null : providerName.strip();
    Target target = new Target(type, details.deviceId.strip(), authorization, debug, provider);
    channels
        .of(type)
        .flatMap(c -> c.unusable(target))
        .ifPresent(
            reason -> {
              throw new InvalidRequestException(reason);
            });
    return target;
  }

  private static void requireHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null
          || !("http".equalsIgnoreCase(uri.getScheme())
              || "https".equalsIgnoreCase(uri.getScheme()))) {
        throw new InvalidRequestException("httpcb deviceId must be an http(s) URL");
      }
      String refusal = OutboundPolicy.hostRefusal(uri.getHost());
      if (refusal != null) {
        throw new InvalidRequestException("httpcb deviceId " + refusal);
      }
    } catch (URISyntaxException e) {
      throw new InvalidRequestException("httpcb deviceId must be an http(s) URL");
    }
  }
}
