package org.opengms.config;

import java.util.Optional;

/**
 * Where the configuration file is: system property {@code gms.config}, else environment variable
 * {@code GMS_CONFIG}, else the default file shipped inside the WAR (a copy of
 * server-config/gms.ini).
 */
public final class ConfigurationLocation {

  public static final String PROPERTY = "gms.config";
  public static final String ENVIRONMENT = "GMS_CONFIG";
  public static final String DEFAULT_RESOURCE = "/opengms/gms.ini";

  /** How the built-in default names itself as a source (in messages and the admin view). */
  public static final String BUILT_IN = "built-in ";

  private ConfigurationLocation() {}

  /** The configured file path, or empty when the built-in default is to be used. */
  public static Optional<String> configuredPath() {
    return LaunchSetting.of(PROPERTY, ENVIRONMENT);
  }
}
