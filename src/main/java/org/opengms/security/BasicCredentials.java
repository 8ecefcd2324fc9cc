package org.opengms.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

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

  /**
   * The user these credentials log in as; empty for an unknown login or a wrong password. Both cost
   * the same: an unknown login is checked against a decoy hash as strong as the strongest
   * configured one, so timing does not tell which logins exist.
   */
  public Optional<User> authenticate(UserSettings users) {
    Optional<User> user = users.find(login);
    String stored = user.map(User::password).orElse(users.decoyPassword());
    boolean ok = stored != null && Passwords.matches(password.toCharArray(), stored);
    return ok ? user : Optional.empty();
  }

  /**
   * {@link #authenticate(UserSettings)} within the failed-login limits of {@code [security]} for
   * this login and the client's {@code address}; 429 when either is at its limit.
   */
  public Optional<User> authenticate(UserSettings users, SecuritySettings limits, String address) {
    AtomicReference<Optional<User>> user = new AtomicReference<>(Optional.empty());
    FailedLogins.SHARED.attempt(
        login,
        address,
        limits,
        () -> {
          user.set(authenticate(users));
          return user.get().isPresent();
        });
    return user.get();
  }

  @Override
  public String toString() {
    return "BasicCredentials[" + login + "]"; // never the password
  }
}
