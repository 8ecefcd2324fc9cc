package org.opengms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.opengms.comet.UserMessenger;

/**
 * {@code comet}: to the CometD sessions of the subscriber's {@code gms_user}. CometD keeps nothing
 * for users who are not connected, so a user without sessions is not a failure.
 */
@ApplicationScoped
public class CometChannel implements NotificationChannel {

  @Inject Instance<UserMessenger> messenger;

  @Override
  public String type() {
    return "comet";
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    if (!messenger.isResolvable()) {
      return DeliveryResult.failed("CometD is not available");
    }
    messenger.get().send(delivery.target().deviceId(), delivery.tag(), delivery.message());
    return DeliveryResult.ok();
  }
}
