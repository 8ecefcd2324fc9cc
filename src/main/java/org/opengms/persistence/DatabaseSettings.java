package org.opengms.persistence;

import java.util.Locale;
import java.util.Optional;
import org.opengms.config.LaunchSetting;

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
        waitForLocks(durable(url)),
        setting("gms.db.user", "GMS_DB_USER").orElse("sa"),
        setting("gms.db.password", "GMS_DB_PASSWORD").orElse(""));
  }

  /**
   * An H2 file URL with {@code WRITE_DELAY=0} added unless it sets its own: H2 otherwise writes
   * commits up to 500 ms later, and a crash in between loses writes already answered 2xx. With 0,
   * each commit is written to the file before the answer (it survives a killed process; H2 does not
   * fsync, so an operating-system crash or power loss may still lose the last commits).
   */
  static String durable(String url) {
    String upper = url.toUpperCase(Locale.ROOT);
    boolean embedded =
        upper.startsWith("JDBC:H2:")
            && !upper.startsWith("JDBC:H2:MEM:")
            && !upper.startsWith("JDBC:H2:TCP:")
            && !upper.startsWith("JDBC:H2:SSL:");
    if (!embedded || upper.contains(";WRITE_DELAY=")) {
      return url;
    }
    return url + ";WRITE_DELAY=0";
  }

  /**
   * An H2 URL with {@code LOCK_TIMEOUT=10000} added unless it sets its own: H2 gives up on a row
   * lock after 2 s, and a burst of callback starts queues on one service's admission row longer
   * than that on a busy machine (PostgreSQL waits until the transaction timeout).
   */
  static String waitForLocks(String url) {
    String upper = url.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("JDBC:H2:") || upper.contains(";LOCK_TIMEOUT=")) {
      return url;
    }
    return url + ";LOCK_TIMEOUT=10000";
  }

  private static Optional<String> setting(String property, String env) {
    return LaunchSetting.of(property, env);
  }
}
