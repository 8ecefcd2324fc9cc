package org.opengms.config;

import java.util.Optional;

/**
 * Typed reads of option values; a bad value is a {@link ConfigurationException} naming its line.
 */
public final class OptionValues {

  private OptionValues() {}

  /**
   * An integer option within [min, max], or {@code fallback} when the section or option is absent.
   */
  public static long longValue(
      IniDocument doc, String section, String key, long fallback, long min, long max) {
    Optional<IniDocument.Option> option = doc.section(section).flatMap(s -> s.option(key));
    if (option.isEmpty() || option.get().value().isEmpty()) {
      return fallback;
    }
    IniDocument.Option o = option.get();
    long value;
    try {
      value = Long.parseLong(o.value());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          doc.source(),
          o.line(),
          "[" + section + "] " + key + " must be a whole number, not '" + o.value() + "'");
    }
    if (value < min || value > max) {
      throw new ConfigurationException(
          doc.source(),
          o.line(),
          "["
              + section
              + "] "
              + key
              + " must be between "
              + min
              + " and "
              + max
              + ", not "
              + value);
    }
    return value;
  }

  public static int intValue(
      IniDocument doc, String section, String key, int fallback, int min, int max) {
    return (int) longValue(doc, section, key, fallback, min, max);
  }

  /** A boolean option ({@code true}/{@code false}, any case), or {@code fallback} when absent. */
  public static boolean booleanValue(
      IniDocument doc, String section, String key, boolean fallback) {
    Optional<IniDocument.Option> option = doc.section(section).flatMap(s -> s.option(key));
    if (option.isEmpty() || option.get().value().isEmpty()) {
      return fallback;
    }
    String v = option.get().value();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigurationException(
        doc.source(),
        option.get().line(),
        "[" + section + "] " + key + " must be true or false, not '" + v + "'");
  }
}
