package org.opengms.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short while, that a login and password matched a stored PBKDF2 hash, so a client
 * that sends HTTP Basic on every request (the agent console: each message, each typing notice, each
 * CometD long poll) costs one PBKDF2 computation per {@link #TTL}, not one per request. Only
 * successes are remembered (a wrong password always costs the full hash), keyed by a SHA-256 of
 * login and password and tied to the stored value, so changing the password in the file ends the
 * entry. Bounded: the whole cache is dropped when it gets full.
 */
final class VerifiedPasswords {

  static final Duration TTL = Duration.ofMinutes(5);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(String stored, long until) {}

  private static final Map<String, Entry> VERIFIED = new ConcurrentHashMap<>();

  private VerifiedPasswords() {}

  /** Whether {@code password} matches {@code stored} (a hash, or plain text). */
  static boolean matches(String login, String password, String stored) {
    if (!Passwords.isHash(stored)) {
      return Passwords.matches(password.toCharArray(), stored); // cheap already
    }
    String key = key(login, password);
    long now = System.nanoTime();
    Entry entry = VERIFIED.get(key);
    if (entry != null && entry.stored().equals(stored) && now - entry.until() < 0) {
      return true;
    }
    if (!Passwords.matches(password.toCharArray(), stored)) {
      return false;
    }
    if (VERIFIED.size() >= MAX_ENTRIES) {
      VERIFIED.clear();
    }
    VERIFIED.put(key, new Entry(stored, now + TTL.toNanos()));
    return true;
  }

  private static String key(String login, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(login.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java has SHA-256
    }
  }
}
