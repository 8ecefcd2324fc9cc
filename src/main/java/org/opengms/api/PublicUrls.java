package org.opengms.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.opengms.config.GmsConfiguration;

/**
 * Absolute URLs the server hands out (binary storage links), built from the request. Behind a proxy
 * that terminates TLS or rewrites the host, {@code [server] trust_forwarded_headers = true} makes
 * them use {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}; by default those headers are
 * ignored, since any client could send them.
 */
public final class PublicUrls {

  private PublicUrls() {}

  /** The API base ({@code .../genesys/1/}) as the client reached it. */
  public static UriBuilder apiBase(UriInfo uri, HttpHeaders headers, GmsConfiguration config) {
    UriBuilder base = uri.getBaseUriBuilder();
    if (!config.server().trustForwardedHeaders()) {
      return base;
    }
    String proto = first(headers.getHeaderString("X-Forwarded-Proto"));
    String host = first(headers.getHeaderString("X-Forwarded-Host"));
    if (proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))) {
      base.scheme(proto.toLowerCase(java.util.Locale.ROOT));
    }
    if (host != null
        && host.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?")) {
      int colon = host.lastIndexOf(':');
      boolean hasPort = colon > host.lastIndexOf(']');
      base.host(hasPort ? host.substring(0, colon) : host);
      base.port(hasPort ? Integer.parseInt(host.substring(colon + 1)) : -1);
    } else if (proto != null) {
      base.port(-1);
    }
    return base;
  }

  /** The first of a comma list (proxies append their own values). */
  private static String first(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    int comma = value.indexOf(',');
    return (comma < 0 ? value : value.substring(0, comma)).strip();
  }
}
