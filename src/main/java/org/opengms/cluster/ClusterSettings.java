package org.opengms.cluster;

import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * How the nodes of a cluster tell each other they are alive, section {@code [cluster]}.
 *
 * @param heartbeatIntervalSeconds how often a node writes its heartbeat ({@code
 *     heartbeat_interval}, 10 s)
 * @param nodeTimeoutSeconds how long without a heartbeat before a node is shown DOWN ({@code
 *     node_timeout}, 30 s; at least twice the interval, so one late beat is not a death)
 * @param forgetAfterSeconds how long a node that left or went down stays listed ({@code
 *     forget_after}, 86 400 s)
 */
public record ClusterSettings(
    int heartbeatIntervalSeconds, int nodeTimeoutSeconds, int forgetAfterSeconds) {

  public static final String SECTION = "cluster";

  public static ClusterSettings from(IniDocument doc) {
    int interval = OptionValues.intValue(doc, SECTION, "heartbeat_interval", 10, 1, 300);
    int timeout = OptionValues.intValue(doc, SECTION, "node_timeout", 30, 2, 3600);
    if (timeout < 2 * interval) {
      int line =
          doc.section(SECTION)
              .flatMap(s -> s.option("node_timeout").or(() -> s.option("heartbeat_interval")))
              .map(IniDocument.Option::line)
              .orElse(0);
      throw new ConfigurationException(
          doc.source(),
          line,
          "[cluster] node_timeout ("
              + timeout
              + ") must be at least twice heartbeat_interval ("
              + interval
              + ")");
    }
    int forget = OptionValues.intValue(doc, SECTION, "forget_after", 86_400, 60, 30 * 86_400);
    return new ClusterSettings(interval, timeout, forget);
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<ClusterSettings> {
    public Section() {
      super(ClusterSettings.class, ClusterSettings::from);
    }
  }
}
