package org.opengms.api;

import jakarta.servlet.http.HttpServletRequest;
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
    return forwarded(
        uri.getBaseUriBuilder(),
        headers.getHeaderString("X-Forwarded-Proto"),
        headers.getHeaderString("X-Forwarded-Host"),
        config);
  }

  /** The same, for code that has the servlet request rather than JAX-RS's view of it. */
  public static UriBuilder apiBase(HttpServletRequest request, GmsConfiguration config) {
    UriBuilder base =
        UriBuilder.fromUri(request.getRequestURL().toString())
            .replacePath(request.getContextPath() + "/1/")
            .replaceQuery(null);
    return forwarded(
        base,
        request.getHeader("X-Forwarded-Proto"),
        request.getHeader("X-Forwarded-Host"),
        config);
  }

  private static UriBuilder forwarded(
      UriBuilder base, String forwardedProto, String forwardedHost, GmsConfiguration config) {
    if (!config.server().trustForwardedHeaders()) {
      return base;
    }
    String proto = first(forwardedProto);
    String host = first(forwardedHost);
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
