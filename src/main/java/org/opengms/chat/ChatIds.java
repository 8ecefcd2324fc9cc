package org.opengms.chat;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Our random tokens in the formats GMS shows: 16 characters each. */
final class ChatIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUMERIC =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private ChatIds() {}

  /** A chat session id such as {@code 000C2a7VVQRB001U}. */
  static String chatSessionId() {
    StringBuilder id = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return id.toString();
  }

  /** A user id such as {@code 015E4FD3CD890036}. */
  static String userId() {
    return hex().toUpperCase(java.util.Locale.ROOT);
  }

  /** A secure key such as {@code b306749dabfa1cf6}. */
  static String secureKey() {
    return hex();
  }

  private static String hex() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
