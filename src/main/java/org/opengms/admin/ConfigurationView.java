package org.opengms.admin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.opengms.config.GmsConfiguration;

/** The effective configuration as admins may see it: every option, secrets masked. */
public final class ConfigurationView {

  static final String MASK = "********";

  private ConfigurationView() {}

  /** {@code {section: {option: value}}} in file order. */
  public static Map<String, Map<String, String>> sections(GmsConfiguration config) {
    Map<String, Map<String, String>> view = new LinkedHashMap<>();
    config
        .document()
        .sections()
        .forEach(
            (name, section) -> {
              Map<String, String> options = new LinkedHashMap<>();
              section.options().values().stream()
                  .sorted(java.util.Comparator.comparingInt(o -> o.line()))
                  .forEach(o -> options.put(o.name(), isSecret(o.name()) ? MASK : o.value()));
              view.put(name, options);
            });
    return view;
  }

  /**
   * Options whose values must never be shown: passwords, secrets, keys (apple.key), tokens,
   * credentials, inline service accounts (fcm.service_account).
   */
  static boolean isSecret(String option) {
    String o = option.toLowerCase(Locale.ROOT);
    return o.contains("password")
        || o.contains("secret")
        || o.contains("token")
        || o.contains("private")
        || o.contains("credential")
        || o.contains("authorization")
        || o.endsWith("key")
        || o.endsWith("service_account");
  }
}
