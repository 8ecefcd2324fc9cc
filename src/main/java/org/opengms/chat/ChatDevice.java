package org.opengms.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.notification.PushSettings;

/**
 * The customer's device, where a chat's events go by native push while no client session is bound
 * to the chat: the {@code push_notification_*} settings of the chat request (v1 plain parameters,
 * v2 {@code userData[...]}). Stored with the chat, so a restart keeps them.
 */
@Embeddable
public class ChatDevice {

  /** The device types a chat may name: APNs ({@code ios}) and FCM ({@code fcm, android, gcm}). */
  static final Set<String> TYPES = Set.of("ios", "fcm", "android", "gcm");

  static final String DEVICE_ID = "push_notification_deviceid";
  static final String TYPE = "push_notification_type";
  static final String DEBUG = "push_notification_debug";
  static final String LANGUAGE = "push_notification_language";
  static final String PROVIDER = "push_notification_provider";

  /** The names of the settings, as request parameters or {@code userData} keys. */
  public static final java.util.List<String> SETTINGS =
      java.util.List.of(DEVICE_ID, TYPE, DEBUG, LANGUAGE, PROVIDER);

  @Column(name = "push_device_id", length = 4096)
  private String deviceId;

  @Column(name = "push_type", length = 16)
  private String type;

  @Column(name = "push_debug")
  private Boolean debug;

  @Column(name = "push_language", length = 64)
  private String language;

  @Column(name = "push_provider", length = 255)
  private String provider;

  protected ChatDevice() {}

  private ChatDevice(
      String deviceId, String type, boolean debug, String language, String provider) {
    this.deviceId = deviceId;
    this.type = type;
    this.debug = debug;
    this.language = language;
    this.provider = provider;
  }

  /**
   * The device named by the settings {@code value} reads (a parameter or a {@code userData} key),
   * or null when none is named. Both the device id and the type are needed; the type must be
   * enabled in {@code [push] pushEnabled}. 400 otherwise.
   */
  public static ChatDevice of(Function<String, String> value, PushSettings push) {
    String deviceId = blankToNull(value.apply(DEVICE_ID));
    String type = blankToNull(value.apply(TYPE));
    if (deviceId == null && type == null) {
      return null;
    }
    if (deviceId == null || type == null) {
      throw new InvalidRequestException(
          DEVICE_ID + " and " + TYPE + " go together: give both or neither");
    }
    type = type.toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw new InvalidRequestException(TYPE + " must be ios, fcm, android or gcm, not " + type);
    }
    if (!push.enabled().contains(type)) {
      throw new InvalidRequestException("Push type " + type + " is not enabled on this server");
    }
    String debug = blankToNull(value.apply(DEBUG));
    return new ChatDevice(
        limited(deviceId, DEVICE_ID, 4096),
        type,
        debug != null && (debug.equalsIgnoreCase("true") || debug.equalsIgnoreCase("debug")),
        limited(blankToNull(value.apply(LANGUAGE)), LANGUAGE, 64),
        limited(blankToNull(value.apply(PROVIDER)), PROVIDER, 255));
  }

  /** The settings as plain parameters ({@code push_notification_*} names). */
  public static ChatDevice of(Map<String, String> parameters, PushSettings push) {
    return of(parameters::get, push);
  }

  /** Whether a device is named (an embedded object read back without one has no device id). */
  boolean isSet() {
    return deviceId != null && type != null;
  }

  public String deviceId() {
    return deviceId;
  }

  public String type() {
    return type;
  }

  public boolean debug() {
    return Boolean.TRUE.equals(debug);
  }

  public String language() {
    return language;
  }

  public String provider() {
    return provider;
  }

  private static String limited(String value, String name, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidRequestException(name + " is longer than " + max + " characters");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
