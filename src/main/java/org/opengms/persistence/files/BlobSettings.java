package org.opengms.persistence.files;

import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * The sweep of kept files nothing refers to, options of {@code [storage]}. That section's form
 * limits ({@code max_keys}, {@code max_value_bytes}) are {@link org.opengms.api.FormLimits}, its
 * expiry sweep options {@link org.opengms.expiry.ExpirySettings}.
 *
 * @param orphanSweepIntervalSeconds how often upload files no key refers to are looked for ({@code
 *     orphan_sweep_interval}, 3600 s)
 * @param orphanGraceSeconds how old such a file must be before it is deleted ({@code orphan_grace},
 *     3600 s): younger files may belong to an upload whose transaction has not committed yet
 */
public record BlobSettings(int orphanSweepIntervalSeconds, int orphanGraceSeconds) {

  public static final String SECTION = "storage";

  public static BlobSettings from(IniDocument doc) {
    return new BlobSettings(
        OptionValues.intValue(doc, SECTION, "orphan_sweep_interval", 3600, 1, 86_400),
        OptionValues.intValue(doc, SECTION, "orphan_grace", 3600, 300, 30 * 86_400));
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<BlobSettings> {
    public Section() {
      super(BlobSettings.class, BlobSettings::from);
    }
  }
}
