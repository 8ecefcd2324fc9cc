package org.opengms.notification;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opengms.cluster.Signal;
import org.opengms.comet.UserMessenger;

/**
 * What other nodes tell this one: a comet notification for users whose sessions may be here, a
 * subscription that changed (this node's index re-reads it), and a resync after this node's
 * listener reconnected (the index re-reads every live subscription).
 */
@ApplicationScoped
public class ClusterSignalReceiver {

  @EJB CometRelays relays;
  @EJB SubscriptionManager subscriptions;
  @Inject SubscriptionIndex index;
  @Inject Instance<UserMessenger> messenger;

  void on(@Observes Signal signal) {
    switch (signal.topic()) {
      case COMET -> comet(signal.id());
      case SUBSCRIPTION -> subscription(signal.id());
      case RESYNC -> resync();
      default -> {} // another feature's topic
    }
  }

  private void comet(String id) {
    if (!messenger.isResolvable()) {
      return;
    }
    relays
        .find(id)
        .filter(m -> messenger.get().isConnected(m.gmsUser()))
        .ifPresent(m -> messenger.get().send(m.gmsUser(), m.tag(), m.message(), m.envelopeId()));
  }

  private void subscription(String id) {
    index.remove(id);
    subscriptions.findLive(id).ifPresent(index::add);
  }

  private void resync() {
    List<LiveSubscription> live = subscriptions.live();
    Set<String> ids = new HashSet<>();
    for (LiveSubscription s : live) {
      index.add(s);
      ids.add(s.id());
    }
    index.retainOnly(ids);
  }
}
