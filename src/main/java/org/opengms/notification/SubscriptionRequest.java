package org.opengms.notification;

import org.opengms.api.error.InvalidRequestException;

/** {@code POST /1/notification/subscription} body, as the reference defines it. */
public class SubscriptionRequest {
  public String subscriberId;
  public String providerName;
  public NotificationDetails notificationDetails;
  public String authorization;
  public Integer expire;
  public String filter;
  public String language;

  /** Longest {@code expire} accepted: ten years. */
  static final int MAX_EXPIRE_SECONDS = 315_360_000;

  /**
   * {@code expire} as the client gave it (1 s to ten years); only a missing one takes {@code
   * fallback}.
   */
  int expireSeconds(int fallback) {
    if (expire == null) {
      return fallback;
    }
    if (expire < 1 || expire > MAX_EXPIRE_SECONDS) {
      throw new InvalidRequestException(
          "expire must be between 1 and " + MAX_EXPIRE_SECONDS + " seconds, not " + expire);
    }
    return expire;
  }
}
