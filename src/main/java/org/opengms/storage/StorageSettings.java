package org.opengms.storage;

import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * {@code [storage]}: limits of the Storage API and of service storage, and the expiry sweep.
 *
 * @param maxKeys most keys one request may post ({@code max_keys}, default 100)
 * @param maxValueBytes largest text value in bytes ({@code max_value_bytes}, default 64 KiB); files
 *     are bounded by {@code [server] max_request_bytes} only
 * @param sweepIntervalSeconds how often expired areas are deleted ({@code sweep_interval}, 5 s)
 * @param sweepBatchSize areas deleted per transaction by the sweep ({@code sweep_batch}, 200)
 * @param orphanSweepIntervalSeconds how often upload files no key refers to are looked for ({@code
 *     orphan_sweep_interval}, 3600 s)
 * @param orphanGraceSeconds how old such a file must be before it is deleted ({@code orphan_grace},
 *     3600 s): younger files may belong to an upload whose transaction has not committed yet
 */
public record StorageSettings(
    int maxKeys,
    int maxValueBytes,
    int sweepIntervalSeconds,
    int sweepBatchSize,
    int orphanSweepIntervalSeconds,
    int orphanGraceSeconds) {

  public static final String SECTION = "storage";

  public static StorageSettings from(IniDocument doc) {
    return new StorageSettings(
        OptionValues.intValue(doc, SECTION, "max_keys", 100, 1, 100_000),
        OptionValues.intValue(doc, SECTION, "max_value_bytes", 64 * 1024, 1, 1_000_000),
        OptionValues.intValue(doc, SECTION, "sweep_interval", 5, 1, 86_400),
        OptionValues.intValue(doc, SECTION, "sweep_batch", 200, 1, 10_000),
        OptionValues.intValue(doc, SECTION, "orphan_sweep_interval", 3600, 1, 86_400),
        OptionValues.intValue(doc, SECTION, "orphan_grace", 3600, 300, 30 * 86_400));
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<StorageSettings> {
    public Section() {
      super(StorageSettings.class, StorageSettings::from);
    }
  }
}
