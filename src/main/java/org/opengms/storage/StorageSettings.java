package org.opengms.storage;

import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;

/**
 * {@code [storage]}: limits of the Storage API and of service storage, and the expiry sweep.
 *
 * @param maxKeys most keys one request may post ({@code max_keys}, default 100)
 * @param maxValueBytes largest text value in bytes ({@code max_value_bytes}, default 64 KiB); files
 *     are bounded by {@code [server] max_request_bytes} only
 * @param sweepIntervalSeconds how often expired areas are deleted ({@code sweep_interval}, 5 s)
 * @param sweepBatchSize areas deleted per transaction by the sweep ({@code sweep_batch}, 200)
 */
public record StorageSettings(
    int maxKeys, int maxValueBytes, int sweepIntervalSeconds, int sweepBatchSize) {

  public static final String SECTION = "storage";

  public static StorageSettings from(IniDocument doc) {
    return new StorageSettings(
        OptionValues.intValue(doc, SECTION, "max_keys", 100, 1, 100_000),
        OptionValues.intValue(doc, SECTION, "max_value_bytes", 64 * 1024, 1, 1_000_000),
        OptionValues.intValue(doc, SECTION, "sweep_interval", 5, 1, 86_400),
        OptionValues.intValue(doc, SECTION, "sweep_batch", 200, 1, 10_000));
  }
}
