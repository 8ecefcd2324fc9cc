package org.opengms.storage;

/** The {@code {ttl}} path segment of the Storage API. */
public final class Ttl {

  /** What an absent, zero, negative or non-numeric ttl means (reference: "a default of 30"). */
  public static final int DEFAULT_SECONDS = 30;

  private Ttl() {}

  public static int secondsOrDefault(String ttl) {
    if (ttl == null) {
      return DEFAULT_SECONDS;
    }
    try {
      int value = Integer.parseInt(ttl.strip());
      return value > 0 ? value : DEFAULT_SECONDS;
    } catch (NumberFormatException e) {
      return DEFAULT_SECONDS;
    }
  }
}
