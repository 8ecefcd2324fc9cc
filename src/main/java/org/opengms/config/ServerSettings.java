package org.opengms.config;

/**
 * {@code [server]}: options of the HTTP front of the server.
 *
 * @param maxRequestBytes largest request body accepted ({@code max_request_bytes}, default 20 MiB)
 */
public record ServerSettings(long maxRequestBytes) {

  public static final String SECTION = "server";

  public static ServerSettings from(IniDocument doc) {
    return new ServerSettings(
        OptionValues.longValue(
            doc, SECTION, "max_request_bytes", 20L * 1024 * 1024, 1, Long.MAX_VALUE));
  }
}
