package org.opengms.notification;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.opengms.cluster.ClusterSignals;
import org.opengms.comet.UserMessenger;
import org.opengms.delivery.DeliveryCounters;
import org.opengms.delivery.Undelivered;

/**
 * {@code comet}: to the CometD sessions of the subscriber's {@code gms_user}. CometD keeps nothing
 * for users who are not connected, so a user without sessions is not a failure, but it is counted
 * ({@link Undelivered#COMET_NO_SESSION}). When other nodes listen, the notification is also relayed
 * to the other nodes ({@link CometRelays}), and a user without a session on this node is not
 * counted (another node may hold one).
 */
@ApplicationScoped
public class CometChannel implements NotificationChannel {

  @Inject Instance<UserMessenger> messenger;
  @Inject DeliveryCounters undelivered;
  @Inject ClusterSignals signals;
  @EJB CometRelays relays;

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
    UserMessenger here = messenger.get();
    String envelopeId = here.newEnvelopeId();
    int sessions = here.send(user, delivery.tag(), delivery.message(), envelopeId);
    if (signals.othersListening()) {
      // the user's other sessions may be held by other nodes: they read it from the relay table
      relays.relay(user, delivery.tag(), envelopeId, delivery.message());
    } else if (sessions == 0) {
      undelivered.count(
          Undelivered.COMET_NO_SESSION, "gms_user " + user + ", tag " + delivery.tag());
    }
    return DeliveryResult.ok();
  }
}
