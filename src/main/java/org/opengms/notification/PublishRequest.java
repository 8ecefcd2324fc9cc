package org.opengms.notification;

import java.util.Map;

/** {@code POST /1/notification/publish} body, as the reference defines it. */
public class PublishRequest {
  public String message;
  public String tag;
  public String mediaType;
  public String providerName;
  public NotificationDetails notificationDetails;

  /** Arguments of a localized message ({@code $customer.lastname}). */
  public Map<String, Object> properties;
}
