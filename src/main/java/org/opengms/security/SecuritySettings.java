package org.opengms.security;

import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * {@code [security]}: how many failed logins (wrong password or unknown login, over REST, the
 * service credentials and the CometD agent handshake) are tolerated in a window before further
 * attempts are answered 429 until the window ends. {@code 0} turns a limit off.
 *
 * @param maxFailedPerLogin {@code max_failed_logins_per_login} (default 10)
 * @param maxFailedPerAddress {@code max_failed_logins_per_address} (default 50)
 * @param windowSeconds {@code failed_login_window} seconds, from a key's first failure (default
 *     300)
 */
public record SecuritySettings(int maxFailedPerLogin, int maxFailedPerAddress, int windowSeconds) {

  public static final String SECTION = "security";

  public static SecuritySettings from(IniDocument doc) {
    return new SecuritySettings(
        OptionValues.intValue(doc, SECTION, "max_failed_logins_per_login", 10, 0, 1_000_000),
        OptionValues.intValue(doc, SECTION, "max_failed_logins_per_address", 50, 0, 1_000_000),
        OptionValues.intValue(doc, SECTION, "failed_login_window", 300, 1, 86_400));
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<SecuritySettings> {
    public Section() {
      super(SecuritySettings.class, SecuritySettings::from);
    }
  }
}
