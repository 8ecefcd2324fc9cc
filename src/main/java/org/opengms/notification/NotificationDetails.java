package org.opengms.notification;

import java.util.Map;

/**
 * Where a notification goes: {@code type} (ios, android, gcm, fcm, comet, httpcb, orscb), device.
 */
public class NotificationDetails {
  public String deviceId;
  public String type;
  public Map<String, String> properties;
}
