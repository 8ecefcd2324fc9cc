package org.opengms.callback;

/**
 * The states of a callback, as the reference lists them. {@code PAUSED} is the later GMS 8.5 state
 * of callbacks of a paused service.
 */
public enum CallbackState {
  SCHEDULED,
  QUEUED,
  ROUTING,
  PROCESSING,
  COMPLETED,
  PAUSED;

  /** Parses a state name (any case); empty for an unknown one. */
  static java.util.Optional<CallbackState> parse(String name) {
    try {
      return java.util.Optional.of(valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return java.util.Optional.empty();
    }
  }
}
