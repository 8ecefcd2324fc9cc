package org.opengms.cors;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * {@code [cors]}: which other origins' pages may call this server from a browser.
 *
 * @param origins {@code allowedOrigins}: comma list of origins, {@code *} or {@code
 *     https://*.example.com}; empty (the default) turns CORS off
 * @param methods {@code allowedMethods} (default {@code GET,POST,PUT,DELETE,OPTIONS})
 * @param headers {@code allowedHeaders}, lower case (default {@code
 *     X-Requested-With,Content-Type,Accept,Origin,Authorization,gms_user})
 * @param exposedHeaders {@code exposedHeaders}: response headers a page may read (default none)
 * @param allowCredentials {@code allowCredentials}: cookies and HTTP authentication (default false)
 * @param preflightMaxAgeSeconds {@code preflightMaxAge}: how long a browser may cache a preflight
 *     (default 1800 s)
 */
public record CorsSettings(
    List<OriginPattern> origins,
    Set<String> methods,
    Set<String> headers,
    String exposedHeaders,
    boolean allowCredentials,
    int preflightMaxAgeSeconds) {

  public static final String SECTION = "cors";

  public static CorsSettings from(IniDocument doc) {
    Optional<IniDocument.Option> originsOption =
        doc.section(SECTION).flatMap(s -> s.option("allowedOrigins"));
    List<OriginPattern> origins =
        originsOption.map(o -> origins(doc, o)).orElse(List.<OriginPattern>of());
    boolean credentials = OptionValues.booleanValue(doc, SECTION, "allowCredentials", false);
    if (credentials && origins.stream().anyMatch(OriginPattern::isAny)) {
      throw new ConfigurationException(
          doc.source(),
          originsOption.get().line(),
          "[cors] allowCredentials = true cannot be combined with allowedOrigins = *: list the"
              + " origins that may send credentials");
    }
    return new CorsSettings(
        origins,
        list(doc, "allowedMethods", "GET,POST,PUT,DELETE,OPTIONS", false),
        list(
            doc,
            "allowedHeaders",
            "X-Requested-With,Content-Type,Accept,Origin,Authorization,gms_user",
            true),
        String.join(",", list(doc, "exposedHeaders", "", false)),
        credentials,
        OptionValues.intValue(doc, SECTION, "preflightMaxAge", 1800, 0, 86_400));
  }

  /** Whether CORS is on: some origin is listed. */
  public boolean enabled() {
    return !origins.isEmpty();
  }

  public boolean allows(String origin) {
    return origins.stream().anyMatch(p -> p.matches(origin));
  }

  private static List<OriginPattern> origins(IniDocument doc, IniDocument.Option option) {
    return Arrays.stream(option.value().split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(
            s ->
                OriginPattern.parse(s)
                    .orElseThrow(
                        () ->
                            new ConfigurationException(
                                doc.source(),
                                option.line(),
                                "[cors] allowedOrigins: '"
                                    + s
                                    + "' is not an origin (scheme://host[:port], no path; or *,"
                                    + " or https://*.example.com)")))
        .toList();
  }

  private static Set<String> list(
      IniDocument doc, String key, String fallback, boolean caseInsensitive) {
    String value =
        doc.section(SECTION).flatMap(s -> s.value(key)).filter(v -> !v.isBlank()).orElse(fallback);
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> caseInsensitive ? s.toLowerCase(Locale.ROOT) : s)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<CorsSettings> {
    public Section() {
      super(CorsSettings.class, CorsSettings::from);
    }
  }
}
