package org.opengms.config;

import java.util.Optional;

/**
 * A setting given when the server is launched, not in the INI file: a system property, else an
 * environment variable; blank counts as absent. (The file's own location, the data directory, the
 * database, the node name.)
 */
public final class LaunchSetting {

  private LaunchSetting() {}

  public static Optional<String> of(String property, String environment) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environment);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
