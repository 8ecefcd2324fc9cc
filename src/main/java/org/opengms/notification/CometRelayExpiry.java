package org.opengms.notification;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.opengms.expiry.ExpiringData;

/** Relayed comet notifications are read within a second; a minute later they go. */
@ApplicationScoped
public class CometRelayExpiry implements ExpiringData {

  @EJB CometRelays relays;

  @Override
  public int deleteExpiredBatch(int max) {
    return relays.deleteOld(max);
  }

  @Override
  public String toString() {
    return "comet relay";
  }
}
