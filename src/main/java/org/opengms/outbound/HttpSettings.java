package org.opengms.outbound;

import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * {@code [gms]}: the outbound HTTP client (GMS option names). Pool sizes take effect at start-up.
 *
 * @param connectTimeoutMillis {@code http.connection_timeout} (default 5000)
 * @param socketTimeoutMillis {@code http.socket_timeout} (default 10000)
 * @param maxPerRoute {@code max_connections_per_route} (default 20)
 * @param maxTotal {@code max_connections_total} (default 200)
 */
public record HttpSettings(
    int connectTimeoutMillis, int socketTimeoutMillis, int maxPerRoute, int maxTotal) {

  public static final String SECTION = "gms";

  public static HttpSettings from(IniDocument doc) {
    return new HttpSettings(
        OptionValues.intValue(doc, SECTION, "http.connection_timeout", 5000, 1, 600_000),
        OptionValues.intValue(doc, SECTION, "http.socket_timeout", 10_000, 1, 600_000),
        OptionValues.intValue(doc, SECTION, "max_connections_per_route", 20, 1, 10_000),
        OptionValues.intValue(doc, SECTION, "max_connections_total", 200, 1, 100_000));
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<HttpSettings> {
    public Section() {
      super(HttpSettings.class, HttpSettings::from);
    }
  }
}
