package org.opengms.persistence;

import java.util.Optional;

/**
 * Which database to use, from system properties or environment variables (read before the
 * configuration file, because the container opens the datasource first):
 *
 * <ul>
 *   <li>{@code gms.db.url} / {@code GMS_DB_URL}: a JDBC URL; default the embedded H2 file {@code
 *       <data dir>/gms} (see {@link DataDirectory}).
 *   <li>{@code gms.db.user} / {@code GMS_DB_USER}, {@code gms.db.password} / {@code
 *       GMS_DB_PASSWORD}.
 * </ul>
 */
public record DatabaseSettings(String url, String user, String password) {

  public static DatabaseSettings resolve() {
    String url =
        setting("gms.db.url", "GMS_DB_URL")
            .orElseGet(
                () ->
                    "jdbc:h2:file:"
                        + DataDirectory.root().resolve("gms")
                        + ";DB_CLOSE_ON_EXIT=FALSE");
    return new DatabaseSettings(
        url,
        setting("gms.db.user", "GMS_DB_USER").orElse("sa"),
        setting("gms.db.password", "GMS_DB_PASSWORD").orElse(""));
  }

  private static Optional<String> setting(String property, String env) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
