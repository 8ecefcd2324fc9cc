package org.opengms.notification;

import java.time.Instant;

/** A subscription as kept in memory for matching. */
public record LiveSubscription(
    String id,
    String subscriberId,
    String providerName,
    Target target,
    String filter,
    String language,
    Instant expiresAt) {

  boolean isLiveAt(Instant now) {
    return expiresAt.isAfter(now);
  }
}
