package org.opengms.notification.push;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;

/**
 * The APNs and FCM credentials of every push provider, read and checked when the configuration
 * loads: the default provider's from {@code [push]} (as GMS: "if there is no provider defined for a
 * subscription, the options of the push section are used"), a named provider's from {@code
 * [push.provider.<name>]}. A named provider without credentials for a network falls back to the
 * default provider's.
 */
public final class PushProviders {

  static final URI APNS_PRODUCTION = URI.create("https://api.push.apple.com");
  static final URI APNS_SANDBOX = URI.create("https://api.sandbox.push.apple.com");
  static final URI FCM_URL = URI.create("https://fcm.googleapis.com");
  static final URI GOOGLE_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");
  private static final String PROVIDER_PREFIX = "push.provider.";

  private final Optional<ApnsSettings> defaultApns;
  private final Optional<FcmSettings> defaultFcm;
  private final Map<String, ApnsSettings> apns;
  private final Map<String, FcmSettings> fcm;

  private PushProviders(
      Optional<ApnsSettings> defaultApns,
      Optional<FcmSettings> defaultFcm,
      Map<String, ApnsSettings> apns,
      Map<String, FcmSettings> fcm) {
    this.defaultApns = defaultApns;
    this.defaultFcm = defaultFcm;
    this.apns = apns;
    this.fcm = fcm;
  }

  public static PushProviders from(IniDocument doc) {
    Optional<IniDocument.Section> push = doc.section("push");
    Optional<ApnsSettings> defaultApns = push.flatMap(s -> apns(doc, s));
    Optional<FcmSettings> defaultFcm = push.flatMap(s -> fcm(doc, s));
    Map<String, ApnsSettings> apns = new LinkedHashMap<>();
    Map<String, FcmSettings> fcm = new LinkedHashMap<>();
    for (IniDocument.Section s : doc.sectionsStartingWith(PROVIDER_PREFIX)) {
      String name = s.name().substring(PROVIDER_PREFIX.length());
      if (name.isEmpty() || name.contains(".") || name.equals("event")) {
        continue; // OS attribute sections: push.provider.event..., push.provider.<name>.event...
      }
      apns(doc, s).ifPresent(a -> apns.put(name, a));
      fcm(doc, s).ifPresent(f -> fcm.put(name, f));
    }
    return new PushProviders(defaultApns, defaultFcm, Map.copyOf(apns), Map.copyOf(fcm));
  }

  /** The APNs credentials for subscriptions of {@code providerName} (null: the default). */
  public Optional<ApnsSettings> apns(String providerName) {
    return Optional.ofNullable(providerName == null ? null : apns.get(providerName))
        .or(() -> defaultApns);
  }

  public Optional<FcmSettings> fcm(String providerName) {
    return Optional.ofNullable(providerName == null ? null : fcm.get(providerName))
        .or(() -> defaultFcm);
  }

  public boolean hasApns() {
    return defaultApns.isPresent() || !apns.isEmpty();
  }

  public boolean hasFcm() {
    return defaultFcm.isPresent() || !fcm.isEmpty();
  }

  private static Optional<ApnsSettings> apns(IniDocument doc, IniDocument.Section s) {
    if (s.option("apple.key_file").isEmpty()
        && s.option("apple.key").isEmpty()
        && s.option("apple.key_id").isEmpty()
        && s.option("apple.team_id").isEmpty()) {
      return Optional.empty();
    }
    String pem = secretText(doc, s, "apple.key_file", "apple.key");
    IniDocument.Option keyOption =
        s.option("apple.key_file").or(() -> s.option("apple.key")).orElseThrow();
    try {
      return Optional.of(
          new ApnsSettings(
              required(doc, s, "apple.key_id"),
              required(doc, s, "apple.team_id"),
              required(doc, s, "apple.topic"),
              Keys.ec(pem),
              url(doc, s, "apple.url", APNS_PRODUCTION),
              url(doc, s, "apple.sandbox_url", APNS_SANDBOX),
              tls(doc, s, "apple")));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          doc.source(), keyOption.line(), keyOption.name() + ": " + e.getMessage());
    }
  }

  private static Optional<FcmSettings> fcm(IniDocument doc, IniDocument.Section s) {
    if (s.option("fcm.service_account_file").isEmpty()
        && s.option("fcm.service_account").isEmpty()) {
      return Optional.empty();
    }
    IniDocument.Option accountOption =
        s.option("fcm.service_account_file").or(() -> s.option("fcm.service_account")).get();
    String json = secretText(doc, s, "fcm.service_account_file", "fcm.service_account");
    Map<?, ?> account = Json.object(json);
    String email = string(account, "client_email");
    String key = string(account, "private_key");
    if (email == null || key == null) {
      throw new ConfigurationException(
          doc.source(),
          accountOption.line(),
          accountOption.name() + ": a service account needs client_email and private_key");
    }
    String projectId =
        s.value("fcm.project_id").filter(v -> !v.isEmpty()).orElse(string(account, "project_id"));
    if (projectId == null) {
      throw new ConfigurationException(
          doc.source(), s.line(), "[" + s.name() + "] needs fcm.project_id");
    }
    String accountTokenUri = string(account, "token_uri");
    try {
      return Optional.of(
          new FcmSettings(
              projectId,
              email,
              string(account, "private_key_id"),
              Keys.rsa(key),
              url(doc, s, "fcm.url", FCM_URL),
              url(
                  doc,
                  s,
                  "fcm.token_uri",
                  accountTokenUri == null ? GOOGLE_TOKEN_URI : URI.create(accountTokenUri)),
              tls(doc, s, "fcm")));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          doc.source(), accountOption.line(), accountOption.name() + ": " + e.getMessage());
    }
  }

  private static String string(Map<?, ?> json, String name) {
    Object v = json.get(name);
    return v instanceof String text && !text.isBlank() ? text : null;
  }

  /** The text of the file named by {@code fileOption}, else the inline {@code valueOption}. */
  private static String secretText(
      IniDocument doc, IniDocument.Section s, String fileOption, String valueOption) {
    Optional<IniDocument.Option> file = s.option(fileOption).filter(o -> !o.value().isEmpty());
    if (file.isPresent()) {
      Path path = relative(doc, file.get().value());
      try {
        return Files.readString(path);
      } catch (IOException e) {
        throw new ConfigurationException(
            doc.source(), file.get().line(), fileOption + ": cannot read " + path);
      }
    }
    return s.value(valueOption)
        .filter(v -> !v.isEmpty())
        .orElseThrow(
            () ->
                new ConfigurationException(
                    doc.source(),
                    s.line(),
                    "[" + s.name() + "] needs " + fileOption + " or " + valueOption));
  }

  private static String required(IniDocument doc, IniDocument.Section s, String option) {
    return s.value(option)
        .filter(v -> !v.isEmpty())
        .orElseThrow(
            () ->
                new ConfigurationException(
                    doc.source(), s.line(), "[" + s.name() + "] needs " + option));
  }

  private static URI url(IniDocument doc, IniDocument.Section s, String option, URI fallback) {
    Optional<IniDocument.Option> o = s.option(option).filter(v -> !v.value().isEmpty());
    if (o.isEmpty()) {
      return fallback;
    }
    try {
      URI uri = new URI(o.get().value().replaceAll("/+$", ""));
      if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
        throw new ConfigurationException(
            doc.source(), o.get().line(), option + " must be an https URL");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new ConfigurationException(doc.source(), o.get().line(), option + ": not a URL");
    }
  }

  private static TlsSettings tls(IniDocument doc, IniDocument.Section s, String prefix) {
    Optional<IniDocument.Option> store =
        s.option(prefix + ".trust_store").filter(o -> !o.value().isEmpty());
    if (store.isEmpty()) {
      return TlsSettings.DEFAULT;
    }
    Path path = relative(doc, store.get().value());
    if (!Files.isReadable(path)) {
      throw new ConfigurationException(
          doc.source(), store.get().line(), prefix + ".trust_store: cannot read " + path);
    }
    return new TlsSettings(Optional.of(path), s.value(prefix + ".trust_store_password").orElse(""));
  }

  private static Path relative(IniDocument doc, String name) {
    Path base = Path.of(doc.source()).toAbsolutePath().getParent();
    return base == null ? Path.of(name) : base.resolve(name);
  }
}
