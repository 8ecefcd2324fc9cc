package org.opengms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.opengms.comet.UserMessenger;
import org.opengms.delivery.DeliveryCounters;
import org.opengms.delivery.Undelivered;

/**
 * {@code comet}: to the CometD sessions of the subscriber's {@code gms_user}. CometD keeps nothing
 * for users who are not connected, so a user without sessions is not a failure, but it is counted
 * ({@link Undelivered#COMET_NO_SESSION}).
 */
@ApplicationScoped
public class CometChannel implements NotificationChannel {

  @Inject Instance<UserMessenger> messenger;
  @Inject DeliveryCounters undelivered;

  @Override
  public String type() {
    return "comet";
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    if (!messenger.isResolvable()) {
      return DeliveryResult.failed("CometD is not available");
    }
    String user = delivery.target().deviceId();
    if (messenger.get().send(user, delivery.tag(), delivery.message()) == 0) {
      undelivered.count(
          Undelivered.COMET_NO_SESSION, "gms_user " + user + ", tag " + delivery.tag());
    }
    return DeliveryResult.ok();
  }
}
