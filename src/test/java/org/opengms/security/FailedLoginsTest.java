package org.opengms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.opengms.api.error.TooManyRequestsException;

class FailedLoginsTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final FailedLogins logins = new FailedLogins(now::get);
  private final SecuritySettings limits = new SecuritySettings(3, 5, 60);

  @Test
  void shouldRefuseALoginAtItsLimitUntilTheWindowEnds() {
    for (int i = 0; i < 3; i++) {
      assertFalse(logins.attempt("alice", "10.0.0.1", limits, () -> false));
    }
    now.addAndGet(20_000);
    TooManyRequestsException refused =
        assertThrows(
            TooManyRequestsException.class,
            () -> logins.attempt("alice", "10.0.0.2", limits, () -> true),
            "even the right password, from another address");
    assertEquals(40, refused.retryAfterSeconds());
    assertEquals(429, refused.status().getStatusCode());
    assertTrue(logins.attempt("bob", "10.0.0.1", limits, () -> true), "other logins go on");
    now.addAndGet(40_000);
    assertTrue(logins.attempt("alice", "10.0.0.1", limits, () -> true), "the window ended");
  }

  @Test
  void shouldRefuseAnAddressAtItsLimitWhateverTheLogin() {
    for (int i = 0; i < 5; i++) {
      logins.attempt("user" + i, "10.0.0.9", limits, () -> false);
    }
    assertEquals(OptionalLong.of(60), logins.retryAfter("someone", "10.0.0.9", limits));
    assertEquals(OptionalLong.empty(), logins.retryAfter("someone", "10.0.0.8", limits));
  }

  @Test
  void shouldForgetALoginsFailuresAfterItsRightPassword() {
    logins.attempt("alice", "a", limits, () -> false);
    logins.attempt("alice", "a", limits, () -> false);
    logins.attempt("alice", "a", limits, () -> true);
    logins.attempt("alice", "a", limits, () -> false);
    logins.attempt("alice", "a", limits, () -> false);
    assertEquals(OptionalLong.empty(), logins.retryAfter("alice", "b", limits));
  }

  @Test
  void shouldNotLimitWhenTurnedOff() {
    SecuritySettings off = new SecuritySettings(0, 0, 60);
    for (int i = 0; i < 100; i++) {
      logins.attempt("alice", "a", off, () -> false);
    }
    assertEquals(OptionalLong.empty(), logins.retryAfter("alice", "a", off));
  }
}
