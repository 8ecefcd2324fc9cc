package org.opengms.api;

import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * The size limits of a posted form (Storage API, service requests, statistics), options of {@code
 * [storage]} as in GMS; kept here so that reading a form needs no feature's settings.
 *
 * @param maxKeys most keys one request may post ({@code max_keys}, default 100)
 * @param maxValueBytes largest text value in bytes ({@code max_value_bytes}, default 64 KiB); files
 *     are bounded by {@code [server] max_request_bytes} only
 */
public record FormLimits(int maxKeys, int maxValueBytes) {

  public static FormLimits from(IniDocument doc) {
    return new FormLimits(
        OptionValues.intValue(doc, "storage", "max_keys", 100, 1, 100_000),
        OptionValues.intValue(doc, "storage", "max_value_bytes", 64 * 1024, 1, 1_000_000));
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<FormLimits> {
    public Section() {
      super(FormLimits.class, FormLimits::from);
    }
  }
}
