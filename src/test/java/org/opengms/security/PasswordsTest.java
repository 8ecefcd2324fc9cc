package org.opengms.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  void shouldVerifyPbkdf2HashAndRefuseOtherPasswords() {
    String hash = Passwords.hash("s3cret".toCharArray(), new byte[16], 1000);

    assertTrue(Passwords.isHash(hash));
    assertTrue(Passwords.matches("s3cret".toCharArray(), hash));
    assertFalse(Passwords.matches("S3cret".toCharArray(), hash));
  }

  @Test
  void shouldKeepRefusingWrongPasswordsAfterTheRightOneWasRemembered() {
    String hash = Passwords.hash("s3cret".toCharArray(), new byte[16], 1000);
    String other = Passwords.hash("other".toCharArray(), new byte[16], 1000);

    assertTrue(Passwords.matches("s3cret".toCharArray(), hash));
    assertTrue(Passwords.matches("s3cret".toCharArray(), hash));

    assertFalse(Passwords.matches("s3cret!".toCharArray(), hash));
    assertFalse(Passwords.matches("s3cret".toCharArray(), other), "remembered per stored hash");
    assertTrue(Passwords.matches("other".toCharArray(), other));
  }

  @Test
  void shouldCompareTextWhenStoredValueIsNotAHash() {
    assertFalse(Passwords.isHash("plain"));
    assertTrue(Passwords.matches("plain".toCharArray(), "plain"));
    assertFalse(Passwords.matches("plainx".toCharArray(), "plain"));
  }

  @Test
  void shouldRefuseMalformedHash() {
    assertFalse(Passwords.matches("x".toCharArray(), "PBKDF2WithHmacSHA256:abc:!!:!!"));
  }
}
