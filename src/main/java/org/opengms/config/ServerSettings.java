package org.opengms.config;

/**
 * {@code [server]}: options of the HTTP front of the server.
 *
 * @param maxRequestBytes largest request body accepted ({@code max_request_bytes}, default 20 MiB)
 * @param configCheckIntervalSeconds how often the configuration file is checked for changes ({@code
 *     config_check_interval}, default 2 s)
 * @param trustForwardedHeaders whether URLs we build honour X-Forwarded-Proto/Host ({@code
 *     trust_forwarded_headers}, default false: only behind a proxy that sets them)
 * @param clockControl whether admins may move the server's clock through {@code /1/admin/clock}
 *     ({@code clock_control}, default false: for test and demo installations only)
 */
public record ServerSettings(
    long maxRequestBytes,
    int configCheckIntervalSeconds,
    boolean trustForwardedHeaders,
    boolean clockControl) {

  public static final String SECTION = "server";

  public static ServerSettings from(IniDocument doc) {
    return new ServerSettings(
        OptionValues.longValue(
            doc, SECTION, "max_request_bytes", 20L * 1024 * 1024, 1, Long.MAX_VALUE),
        OptionValues.intValue(doc, SECTION, "config_check_interval", 2, 1, 3600),
        OptionValues.booleanValue(doc, SECTION, "trust_forwarded_headers", false),
        OptionValues.booleanValue(doc, SECTION, "clock_control", false));
  }
}
