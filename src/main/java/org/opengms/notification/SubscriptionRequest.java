package org.opengms.notification;

/** {@code POST /1/notification/subscription} body, as the reference defines it. */
public class SubscriptionRequest {
  public String subscriberId;
  public String providerName;
  public NotificationDetails notificationDetails;
  public String authorization;
  public Integer expire;
  public String filter;
  public String language;
}
