package org.opengms.comet;

import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * {@code [cometd]}: timing and memory bounds of the CometD endpoint {@code /genesys/cometd}. They
 * are read when the application starts; a change applies after a restart (redeploy).
 *
 * @param timeoutMillis how long the server holds a {@code /meta/connect} without messages ({@code
 *     timeout}, default 20000 ms, CometD's default)
 * @param maxIntervalMillis how long a session lives without a {@code /meta/connect} from its client
 *     before it is removed ({@code max_interval}, default 10000 ms)
 * @param maxLazyTimeoutMillis longest delay of a lazy message ({@code max_lazy_timeout}, 5000 ms)
 * @param maxQueue most messages waiting for one session, and most unacknowledged messages kept for
 *     one session with the ack extension; over it the oldest is dropped ({@code max_queue}, 1000)
 * @param maxMessageBytes largest message a client may send: a long-polling request body or a
 *     websocket text frame ({@code max_message_bytes}, default 64 KiB)
 * @param maxSessions most sessions on this node; more handshakes are refused ({@code max_sessions},
 *     10000)
 * @param maxSessionsPerUser most sessions of one {@code gms_user} ({@code max_sessions_per_user},
 *     10)
 */
public record CometSettings(
    int timeoutMillis,
    int maxIntervalMillis,
    int maxLazyTimeoutMillis,
    int maxQueue,
    int maxMessageBytes,
    int maxSessions,
    int maxSessionsPerUser) {

  public static final String SECTION = "cometd";

  public static CometSettings from(IniDocument doc) {
    return new CometSettings(
        OptionValues.intValue(doc, SECTION, "timeout", 20_000, 0, 600_000),
        OptionValues.intValue(doc, SECTION, "max_interval", 10_000, 1_000, 3_600_000),
        OptionValues.intValue(doc, SECTION, "max_lazy_timeout", 5_000, 0, 600_000),
        OptionValues.intValue(doc, SECTION, "max_queue", 1_000, 1, 1_000_000),
        OptionValues.intValue(doc, SECTION, "max_message_bytes", 64 * 1024, 1024, 16 * 1024 * 1024),
        OptionValues.intValue(doc, SECTION, "max_sessions", 10_000, 1, 10_000_000),
        OptionValues.intValue(doc, SECTION, "max_sessions_per_user", 10, 1, 10_000));
  }

  /**
   * How long an open websocket may stay silent before the container closes it: a live client sends
   * a {@code /meta/connect} at least every {@link #timeoutMillis}, so a longer silence means the
   * client is gone; its session then expires after {@link #maxIntervalMillis}.
   */
  public long webSocketIdleTimeoutMillis() {
    return Math.max(10_000L, (long) timeoutMillis + maxIntervalMillis);
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<CometSettings> {
    public Section() {
      super(CometSettings.class, CometSettings::from);
    }
  }
}
