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

  /**
   * Server-side only (never read from a request body): attempts in all for each delivery of this
   * event, instead of {@code [push] retry_max_attempts}; null: the latter.
   */
  @jakarta.json.bind.annotation.JsonbTransient public Integer maxAttempts;
}
