package org.opengms.expiry;

import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * The expiry sweep's pace, options of {@code [storage]} (where GMS operators look for them) though
 * the sweep serves every feature with a TTL.
 *
 * @param sweepIntervalSeconds how often expired data is deleted ({@code sweep_interval}, 5 s)
 * @param sweepBatchSize rows deleted per transaction ({@code sweep_batch}, 200)
 */
public record ExpirySettings(int sweepIntervalSeconds, int sweepBatchSize) {

  public static ExpirySettings from(IniDocument doc) {
    return new ExpirySettings(
        OptionValues.intValue(doc, "storage", "sweep_interval", 5, 1, 86_400),
        OptionValues.intValue(doc, "storage", "sweep_batch", 200, 1, 10_000));
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<ExpirySettings> {
    public Section() {
      super(ExpirySettings.class, ExpirySettings::from);
    }
  }
}
