package org.opengms.callback;

import java.util.Locale;
import java.util.Optional;
import org.opengms.config.ConfigTokens;
import org.opengms.config.GmsConfiguration;

/**
 * Where a callback service's status-notification options come from: the service's own option, else
 * the {@code [tlist.<_callback_events_list>.properties]} section of its events list, else the
 * {@code [callback]} section.
 */
final class StatusNotificationOptions {

  static final String ENABLE = "_enable_status_notification";

  /** {@code _enable_status_notification}: GMS's values. */
  enum Mode {
    /** {@code false} or absent. */
    OFF,
    /** {@code true}: events go to {@code _status_notification_target}. */
    NOTIFY,
    /**
     * {@code subscribe_notify}: events also go to the Notification API's subscribers of tag {@code
     * service.callback.status} (a target is then optional).
     */
    SUBSCRIBE_NOTIFY
  }

  private StatusNotificationOptions() {}

  static Optional<String> get(GmsConfiguration config, CallbackOptions options, String key) {
    String own = options.asMap().get(key);
    if (own != null && !own.isBlank()) {
      return Optional.of(own.strip());
    }
    Optional<String> list = options.get("_callback_events_list");
    if (list.isPresent()) {
      Optional<String> listed =
          config.get(CallbackSettings.class).lists().value(list.get(), "properties", key);
      if (listed.isPresent()) {
        // $token$ values as in service options: the callback's own parameters replace them
        return listed.map(v -> ConfigTokens.substitute(v, options.request()).strip());
      }
    }
    return options.get(key);
  }

  /** The mode; 400 for a value GMS does not know. */
  static Mode mode(GmsConfiguration config, CallbackOptions options) {
    String v = get(config, options, ENABLE).orElse("false").toLowerCase(Locale.ROOT);
    return switch (v) {
      case "false" -> Mode.OFF;
      case "true" -> Mode.NOTIFY;
      case "subscribe_notify" -> Mode.SUBSCRIBE_NOTIFY;
      default ->
          throw new CallbackException(
              ENABLE + " must be true, false or subscribe_notify, not '" + v + "'");
    };
  }

  static long number(GmsConfiguration config, CallbackOptions options, String key, long fallback) {
    try {
      return get(config, options, key).map(Long::parseLong).orElse(fallback);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
