package org.opengms.notification;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.opengms.expiry.ExpiringData;

/** Expired subscriptions: out of the database, then out of the index. */
@ApplicationScoped
public class SubscriptionExpiry implements ExpiringData {

  @EJB SubscriptionManager subscriptions;
  @Inject SubscriptionIndex index;
  @Inject Notifications notifications;

  @Override
  public int deleteExpiredBatch(int max) {
    List<String> ids = subscriptions.deleteExpired(max);
    index.removeAll(ids);
    notifications.changed(ids);
    return ids.size();
  }

  @Override
  public String toString() {
    return "subscriptions";
  }
}
