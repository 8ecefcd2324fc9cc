package org.opengms.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The login and password of an HTTP Basic {@code Authorization} header, checked against the {@code
 * [user.*]} sections. Shared by the REST filter and the CometD handshake of agents, so both accept
 * exactly the same credentials.
 */
public record BasicCredentials(String login, String password) {

  /** The credentials of an {@code Authorization: Basic ...} header; empty for anything else. */
  public static Optional<BasicCredentials> parse(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(
              new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The user these credentials log in as; empty for an unknown login or a wrong password. */
  public Optional<User> authenticate(UserSettings users) {
    return users.find(login).filter(u -> Passwords.matches(password.toCharArray(), u.password()));
  }

  @Override
  public String toString() {
    return "BasicCredentials[" + login + "]"; // never the password
  }
}
