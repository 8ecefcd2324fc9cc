package org.opengms.time;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The timestamps of the callback, calendar and interaction APIs: ISO 8601 UTC with milliseconds,
 * {@code 2026-05-28T15:30:00.000Z}.
 */
public final class Timestamps {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String format(Instant t) {
    return FORMAT.format(t);
  }

  /** An ISO 8601 instant with an offset or {@code Z}, with or without milliseconds; else null. */
  public static Instant parse(String text) {
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.trim(), Instant::from);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
