package org.opengms.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Checks a password against a stored value: a hash in the format of Jakarta Security's {@code
 * Pbkdf2PasswordHash} ({@code PBKDF2WithHmacSHA256:<iterations>:<salt b64>:<hash b64>}), or plain
 * text. Comparisons take constant time.
 */
public final class Passwords {

  private static final String PREFIX = "PBKDF2WithHmacSHA256:";

  private Passwords() {}

  public static boolean isHash(String stored) {
    return stored.startsWith(PREFIX) && stored.split(":").length == 4;
  }

  public static boolean matches(char[] candidate, String stored) {
    if (isHash(stored)) {
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
    return MessageDigest.isEqual(
        new String(candidate).getBytes(StandardCharsets.UTF_8),
        stored.getBytes(StandardCharsets.UTF_8));
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
