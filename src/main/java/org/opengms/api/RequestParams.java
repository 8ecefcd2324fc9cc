package org.opengms.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.time.Timestamps;

/**
 * The one parser of request parameters (query, form, JSON values given as text): whole numbers in a
 * range, ISO 8601 times and enumerations, each refused with a 400 in one message style, {@code
 * <name> must be <what>, not '<value>'} (the value shortened, never a Java type name). A blank or
 * missing value takes the fallback the caller gives.
 */
public final class RequestParams {

  private static final int SHOWN = 64;

  private RequestParams() {}

  /** A whole number from {@code min} to {@code max}; {@code fallback} when blank. */
  public static int intInRange(String name, String value, int fallback, int min, int max) {
    if (isBlank(value)) {
      return fallback;
    }
    return (int) longInRange(name, value, fallback, min, max);
  }

  /** As {@link #intInRange} for a required value. */
  public static int intInRange(String name, String value, int min, int max) {
    requireValue(name, value);
    return intInRange(name, value, min, min, max);
  }

  /** As {@link #longInRange(String, String, long, long, long)} for a required value. */
  public static long longInRange(String name, String value, long min, long max) {
    requireValue(name, value);
    return longInRange(name, value, min, min, max);
  }

  /** A whole number from {@code min} to {@code max}; {@code fallback} when blank. */
  public static long longInRange(String name, String value, long fallback, long min, long max) {
    if (isBlank(value)) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below, in the same words as a value out of range
    }
    throw refused(name, "a whole number from " + min + " to " + max, value);
  }

  /**
   * An ISO 8601 time with an offset or {@code Z}, with or without milliseconds ({@code
   * 2026-05-28T15:30:00.000Z}); {@code fallback} when blank.
   */
  public static Instant instant(String name, String value, Instant fallback) {
    if (isBlank(value)) {
      return fallback;
    }
    Instant t = Timestamps.parse(value);
    if (t == null) {
      throw refused(name, "an ISO 8601 time such as 2026-05-28T15:30:00.000Z", value);
    }
    return t;
  }

  /** One of {@code type}'s constants, named in any case; {@code fallback} when blank. */
  public static <E extends Enum<E>> E enumOf(String name, String value, Class<E> type, E fallback) {
    if (isBlank(value)) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value.strip())) {
        return e;
      }
    }
    String names =
        Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    throw refused(name, "one of " + names, value);
  }

  /** The 400 of a value that is not what {@code name} takes. */
  public static InvalidRequestException refused(String name, String what, String value) {
    String shown = value.length() > SHOWN ? value.substring(0, SHOWN) + "..." : value;
    return new InvalidRequestException(name + " must be " + what + ", not '" + shown + "'");
  }

  private static void requireValue(String name, String value) {
    if (isBlank(value)) {
      throw new InvalidRequestException(name + " is required");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
