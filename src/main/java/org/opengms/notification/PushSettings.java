package org.opengms.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.opengms.config.ConfigurationException;
import org.opengms.config.ConfigurationLocation;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;
import org.opengms.notification.push.PushProviders;

/**
 * {@code [push]} (GMS option names where GMS has them) and {@code [ors]}; {@code outbound_allow} is
 * {@link org.opengms.outbound.OutboundPolicy}.
 *
 * @param enabled {@code pushEnabled}: channel types subscriptions may use (default {@code comet})
 * @param defaultExpiration {@code defaultSubscriptionExpiration} seconds (default 30, minimum 30)
 * @param publishTimeoutMillis {@code publish_timeout}: how long a publish waits for the first
 *     attempts (default 5000)
 * @param retryMaxAttempts {@code retry_max_attempts}: attempts of a failed callback (default 6)
 * @param retryInitialDelaySeconds {@code retry_initial_delay}, doubled per attempt (default 2)
 * @param signingSecret {@code httpcb_signing_secret}: signs httpcb requests when set
 * @param orsUrl {@code [ors] url}: base URL of the ORS-style endpoint for orscb
 * @param localization {@code localization_file}: the localization XML (relative to the
 *     configuration file), or none
 * @param providers APNs and FCM credentials: the default provider's in {@code [push]}, named
 *     providers' in {@code [push.provider.<name>]}
 * @param osAttributes the OS-specific options of the {@code push.*} sections, per event
 */
public record PushSettings(
    Set<String> enabled,
    int defaultExpiration,
    int publishTimeoutMillis,
    int retryMaxAttempts,
    int retryInitialDelaySeconds,
    Optional<String> signingSecret,
    Optional<String> orsUrl,
    Localization localization,
    PushProviders providers,
    OsAttributes osAttributes) {

  public static final String SECTION = "push";
  public static final Set<String> TYPES =
      Set.of("ios", "android", "gcm", "fcm", "comet", "httpcb", "orscb");

  public static PushSettings from(IniDocument doc) {
    Optional<IniDocument.Section> push = doc.section(SECTION);
    Set<String> enabled = new LinkedHashSet<>();
    Optional<IniDocument.Option> enabledOption = push.flatMap(s -> s.option("pushEnabled"));
    for (String type :
        Arrays.stream(enabledOption.map(IniDocument.Option::value).orElse("comet").split(","))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .toList()) {
      if (!TYPES.contains(type)) {
        throw new ConfigurationException(
            doc.source(),
            enabledOption.get().line(),
            "unknown push type '" + type + "' in pushEnabled");
      }
      enabled.add(type);
    }
    Optional<String> orsUrl =
        doc.section("ors").flatMap(s -> s.value("url")).filter(v -> !v.isEmpty());
    if (enabled.contains("orscb") && orsUrl.isEmpty()) {
      throw new ConfigurationException(
          doc.source(), enabledOption.get().line(), "orscb is enabled but [ors] url is not set");
    }
    PushProviders providers = PushProviders.from(doc);
    if (enabled.contains("ios") && !providers.hasApns()) {
      throw new ConfigurationException(
          doc.source(),
          enabledOption.get().line(),
          "ios is enabled but no provider has APNs credentials (apple.key_file, apple.key_id,"
              + " apple.team_id, apple.topic)");
    }
    if ((enabled.contains("android") || enabled.contains("gcm") || enabled.contains("fcm"))
        && !providers.hasFcm()) {
      throw new ConfigurationException(
          doc.source(),
          enabledOption.get().line(),
          "android/gcm/fcm is enabled but no provider has FCM credentials"
              + " (fcm.service_account_file)");
    }
    return new PushSettings(
        Set.copyOf(enabled),
        OptionValues.intValue(doc, SECTION, "defaultSubscriptionExpiration", 30, 30, 315_360_000),
        OptionValues.intValue(doc, SECTION, "publish_timeout", 5000, 1, 600_000),
        OptionValues.intValue(doc, SECTION, "retry_max_attempts", 6, 1, 100),
        OptionValues.intValue(doc, SECTION, "retry_initial_delay", 2, 1, 86_400),
        push.flatMap(s -> s.value("httpcb_signing_secret")).filter(v -> !v.isEmpty()),
        orsUrl,
        localization(doc, push),
        providers,
        OsAttributes.from(doc));
  }

  private static Localization localization(IniDocument doc, Optional<IniDocument.Section> push) {
    Optional<IniDocument.Option> file = push.flatMap(s -> s.option("localization_file"));
    if (file.isEmpty() || file.get().value().isEmpty()) {
      return Localization.empty();
    }
    String name = file.get().value();
    try {
      if (doc.source().startsWith(ConfigurationLocation.BUILT_IN)) {
        // the built-in default configuration: its localization file is packaged beside it
        try (InputStream in = PushSettings.class.getResourceAsStream("/opengms/" + name)) {
          if (in == null) {
            throw new IOException("not packaged in the WAR");
          }
          return Localization.read(in);
        }
      }
      Path base = Path.of(doc.source()).toAbsolutePath().getParent();
      return Localization.read(base == null ? Path.of(name) : base.resolve(name));
    } catch (IOException | RuntimeException e) {
      throw new ConfigurationException(
          doc.source(), file.get().line(), "localization_file " + name + ": " + e.getMessage());
    }
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<PushSettings> {
    public Section() {
      super(PushSettings.class, PushSettings::from);
    }
  }
}
