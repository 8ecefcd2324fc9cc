package org.opengms.statistics;

import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * {@code [statistics]}: the Stat Server API over the built-in statistics.
 *
 * @param internalNetworks who may call {@code /1/internal_statistic} without authentication ({@code
 *     internal_networks}, CIDR list, default loopback {@code 127.0.0.0/8, ::1/128})
 * @param defaultHandleTimeSeconds the handle time {@code ExpectedWaitTime} assumes for a queue none
 *     of whose chats has ended yet ({@code default_handle_time}, seconds, default 300)
 */
public record StatisticsSettings(InternalNetworks internalNetworks, int defaultHandleTimeSeconds) {

  public static final String SECTION = "statistics";
  public static final String DEFAULT_INTERNAL_NETWORKS = "127.0.0.0/8, ::1/128";

  public static StatisticsSettings from(IniDocument doc) {
    IniDocument.Option networks =
        doc.section(SECTION).flatMap(s -> s.option("internal_networks")).orElse(null);
    InternalNetworks internal;
    try {
      internal =
          InternalNetworks.parse(networks == null ? DEFAULT_INTERNAL_NETWORKS : networks.value());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          doc.source(), networks.line(), "[statistics] internal_networks: " + e.getMessage());
    }
    return new StatisticsSettings(
        internal, OptionValues.intValue(doc, SECTION, "default_handle_time", 300, 1, 86_400));
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<StatisticsSettings> {
    public Section() {
      super(StatisticsSettings.class, StatisticsSettings::from);
    }
  }
}
