package org.opengms.security;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.opengms.api.error.TooManyRequestsException;

/**
 * Counts failed logins per login and per client address in fixed windows (from a key's first
 * failure, {@code failed_login_window} long). A key at its limit is refused, right or wrong
 * password, until its window ends: guessing is capped at the limit per window. One instance per
 * deployment ({@link #SHARED}); memory is bounded by dropping ended windows, and by ignoring new
 * keys past {@link #MAX_KEYS} (the per-address limit still applies to those).
 */
public final class FailedLogins {

  public static final FailedLogins SHARED = new FailedLogins(System::currentTimeMillis);
  static final int MAX_KEYS = 100_000;

  private record Window(long endsAt, int failures) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  FailedLogins(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * Runs {@code check} (does the password match?) unless {@code login} or {@code address} is at its
   * limit, and counts the outcome; 429 ({@link TooManyRequestsException}) when at the limit.
   */
  public boolean attempt(
      String login, String address, SecuritySettings limits, BooleanSupplier check) {
    OptionalLong wait = retryAfter(login, address, limits);
    if (wait.isPresent()) {
      throw new TooManyRequestsException(
          "Too many failed logins; try again in " + wait.getAsLong() + " seconds",
          wait.getAsLong());
    }
    boolean ok = check.getAsBoolean();
    if (ok) {
      succeeded(login);
    } else {
      failed(login, address, limits);
    }
    return ok;
  }

  /** Seconds until {@code login} or {@code address} may try again; empty when they may now. */
  public OptionalLong retryAfter(String login, String address, SecuritySettings limits) {
    long now = clock.getAsLong();
    long wait =
        Math.max(
            wait("login:" + login, limits.maxFailedPerLogin(), now),
            wait("address:" + address, limits.maxFailedPerAddress(), now));
    return wait > 0 ? OptionalLong.of((wait + 999) / 1000) : OptionalLong.empty();
  }

  public void failed(String login, String address, SecuritySettings limits) {
    long now = clock.getAsLong();
    if (windows.size() >= MAX_KEYS) {
      windows.values().removeIf(w -> w.endsAt() <= now);
    }
    if (limits.maxFailedPerLogin() > 0) {
      count("login:" + login, limits, now);
    }
    if (limits.maxFailedPerAddress() > 0) {
      count("address:" + address, limits, now);
    }
  }

  /** A right password ends the login's window (not the address's). */
  public void succeeded(String login) {
    windows.remove("login:" + login);
  }

  private long wait(String key, int limit, long now) {
    Window w = windows.get(key);
    if (limit == 0 || w == null || w.endsAt() <= now || w.failures() < limit) {
      return 0;
    }
    return w.endsAt() - now;
  }

  private void count(String key, SecuritySettings limits, long now) {
    if (windows.size() >= MAX_KEYS && !windows.containsKey(key)) {
      return;
    }
    windows.compute(
        key,
        (k, w) ->
            w == null || w.endsAt() <= now
                ? new Window(now + limits.windowSeconds() * 1000L, 1)
                : new Window(w.endsAt(), w.failures() + 1));
  }
}
