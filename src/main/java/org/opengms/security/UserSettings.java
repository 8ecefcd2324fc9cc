package org.opengms.security;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opengms.api.error.AuthenticationRequiredException;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/** The {@code [user.<login>]} sections: who may log in, with which roles. */
public final class UserSettings {

  public static final String PREFIX = "user.";
  private static final Set<String> ROLES = Set.of("agent", "admin", "statistic");

  private final Map<String, User> users;
  private final List<String> plainTextLogins;
  private final String decoyPassword;

  private UserSettings(Map<String, User> users, List<String> plainTextLogins) {
    this.users = users;
    this.plainTextLogins = plainTextLogins;
    this.decoyPassword = Passwords.decoyFor(users.values().stream().map(User::password).toList());
  }

  /**
   * What an unknown login's password is checked against: a hash no password matches, with the
   * iterations of the strongest configured hash (null when no password is hashed: plain-text
   * comparisons cost nothing either way).
   */
  public String decoyPassword() {
    return decoyPassword;
  }

  public static UserSettings from(IniDocument doc) {
    Map<String, User> users = new LinkedHashMap<>();
    List<String> plain = new java.util.ArrayList<>();
    for (IniDocument.Section s : doc.sectionsStartingWith(PREFIX)) {
      String login = s.name().substring(PREFIX.length());
      IniDocument.Option password =
          s.option("password")
              .orElseThrow(
                  () ->
                      new ConfigurationException(
                          doc.source(), s.line(), "[" + s.name() + "] needs a password"));
      Set<String> roles = new LinkedHashSet<>();
      Optional<IniDocument.Option> roleOption = s.option("roles");
      if (roleOption.isPresent()) {
        for (String role : split(roleOption.get().value())) {
          if (!ROLES.contains(role)) {
            throw new ConfigurationException(
                doc.source(),
                roleOption.get().line(),
                "unknown role '" + role + "' (known: agent, admin, statistic)");
          }
          roles.add(role);
        }
      }
      if (!Passwords.isHash(password.value())) {
        plain.add(login);
      }
      users.put(
          login,
          new User(
              login,
              password.value(),
              Set.copyOf(roles),
              s.value("nickname").orElse(login),
              OptionValues.intValue(doc, s.name(), "max_chats", 3, 1, 100),
              split(s.value("queues").orElse(""))));
    }
    return new UserSettings(Map.copyOf(users), List.copyOf(plain));
  }

  /**
   * The user a {@link Secured} request was authenticated as (its principal, set by {@link
   * BasicAuthenticationFilter}); 401 when there is none.
   */
  public User of(SecurityContext security) {
    return Optional.ofNullable(security.getUserPrincipal())
        .flatMap(principal -> find(principal.getName()))
        .orElseThrow(() -> new AuthenticationRequiredException("Authentication required"));
  }

  public Optional<User> find(String login) {
    return Optional.ofNullable(users.get(login));
  }

  public Map<String, User> all() {
    return users;
  }

  /** Logins whose password is plain text (warned about at load). */
  public List<String> plainTextLogins() {
    return plainTextLogins;
  }

  private static List<String> split(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<UserSettings> {
    public Section() {
      super(UserSettings.class, UserSettings::from);
    }

    @Override
    public void installed(UserSettings settings) {
      for (String login : settings.plainTextLogins()) {
        java.util.logging.Logger.getLogger(UserSettings.class.getName())
            .warning(
                "[user."
                    + login
                    + "] has a plain-text password; store a PBKDF2WithHmacSHA256 hash"
                    + " instead (docs/configuration.md, Logins)");
      }
    }
  }
}
