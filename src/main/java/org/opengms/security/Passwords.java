package org.opengms.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a password against a stored value: a hash in the format of Jakarta Security's {@code
 * Pbkdf2PasswordHash} ({@code PBKDF2WithHmacSHA256:<iterations>:<salt b64>:<hash b64>}), or plain
 * text. Comparisons take constant time.
 *
 * <p>Successful hash checks are remembered: clients send Basic credentials on every request (the
 * agent console, a metrics scraper), and 210 000 PBKDF2 rounds each time would cost more than the
 * request. The memory holds no password, only an HMAC of it under a key made at start-up, and is
 * bounded. Failures are never remembered, so guessing stays as slow as the hash makes it.
 */
public final class Passwords {

  private static final String PREFIX = "PBKDF2WithHmacSHA256:";
  private static final int MAX_REMEMBERED = 4096;
  private static final byte[] MEMORY_KEY = newKey();
  private static final Map<String, Boolean> VERIFIED = new ConcurrentHashMap<>();

  private Passwords() {}

  public static boolean isHash(String stored) {
    return stored.startsWith(PREFIX) && stored.split(":").length == 4;
  }

  public static boolean matches(char[] candidate, String stored) {
    if (isHash(stored)) {
      String remembered = stored + ":" + fingerprint(candidate);
      if (VERIFIED.containsKey(remembered)) {
        return true;
      }
      boolean ok = matchesHash(candidate, stored);
      if (ok) {
        if (VERIFIED.size() >= MAX_REMEMBERED) {
          VERIFIED.clear(); // crude but bounded; entries are cheap to earn back
        }
        VERIFIED.put(remembered, Boolean.TRUE);
      }
      return ok;
    }
    return MessageDigest.isEqual(
        new String(candidate).getBytes(StandardCharsets.UTF_8),
        stored.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean matchesHash(char[] candidate, String stored) {
    String[] parts = stored.split(":");
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      byte[] actual = pbkdf2(candidate, salt, iterations, expected.length * 8);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  private static String fingerprint(char[] candidate) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(MEMORY_KEY, "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(new String(candidate).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /** A random hash (no password matches it) as costly as the strongest of {@code stored}. */
  static String decoyFor(java.util.Collection<String> stored) {
    int iterations = 0;
    for (String s : stored) {
      if (isHash(s)) {
        try {
          iterations = Math.max(iterations, Integer.parseInt(s.split(":")[1]));
        } catch (NumberFormatException e) {
          // a malformed hash never matches; it sets no cost
        }
      }
    }
    if (iterations == 0) {
      return null;
    }
    Base64.Encoder b64 = Base64.getEncoder();
    return PREFIX
        + iterations
        + ":"
        + b64.encodeToString(newKey())
        + ":"
        + b64.encodeToString(newKey());
  }

  /** Makes a hash in the stored format (used by tests and the README's recipe). */
  public static String hash(char[] password, byte[] salt, int iterations) {
    try {
      byte[] hash = pbkdf2(password, salt, iterations, 256);
      Base64.Encoder b64 = Base64.getEncoder();
      return PREFIX + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bits)
      throws GeneralSecurityException {
    return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new PBEKeySpec(password, salt, iterations, bits))
        .getEncoded();
  }
}
