package org.opengms.cors;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.opengms.api.error.ErrorBodies;
import org.opengms.config.ConfigurationProvider;

/**
 * CORS for everything the server answers (REST, CometD long-polling, static pages), as {@code
 * [cors]} says. A request from an allowed origin gets {@code Access-Control-Allow-Origin} (its own
 * origin, with {@code Vary: Origin}); its preflight ({@code OPTIONS} with {@code
 * Access-Control-Request-Method}) is answered here, 200 with the allowed methods and headers, or
 * 403 for a method or header not allowed. A request from any other origin gets no {@code
 * Access-Control-*} header, so the browser keeps the answer from the page; its preflight is 403.
 * With CORS off (no {@code allowedOrigins}), requests pass untouched.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CorsFilter extends HttpFilter {

  @Inject ConfigurationProvider configuration;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    CorsSettings cors = configuration.current().get(CorsSettings.class);
    String origin = request.getHeader("Origin");
    if (!cors.enabled() || origin == null) {
      chain.doFilter(request, response);
      return;
    }
    response.addHeader("Vary", "Origin");
    boolean allowed = cors.allows(origin);
    if (isPreflight(request)) {
      if (allowed && permits(cors, request)) {
        allowOrigin(cors, origin, response);
        response.setHeader("Access-Control-Allow-Methods", String.join(",", cors.methods()));
        String requested = request.getHeader("Access-Control-Request-Headers");
        if (requested != null && !requested.isBlank()) {
          response.setHeader("Access-Control-Allow-Headers", requested);
        }
        response.setHeader(
            "Access-Control-Max-Age", Integer.toString(cors.preflightMaxAgeSeconds()));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(0);
      } else {
        refuse(response);
      }
      return;
    }
    if (allowed) {
      allowOrigin(cors, origin, response);
      if (!cors.exposedHeaders().isEmpty()) {
        response.setHeader("Access-Control-Expose-Headers", cors.exposedHeaders());
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean isPreflight(HttpServletRequest request) {
    return "OPTIONS".equals(request.getMethod())
        && request.getHeader("Access-Control-Request-Method") != null;
  }

  /** The requested method and every requested header are allowed. */
  private static boolean permits(CorsSettings cors, HttpServletRequest request) {
    if (!cors.methods().contains(request.getHeader("Access-Control-Request-Method"))) {
      return false;
    }
    String headers = request.getHeader("Access-Control-Request-Headers");
    return headers == null
        || Arrays.stream(headers.split(","))
            .map(h -> h.strip().toLowerCase(Locale.ROOT))
            .filter(h -> !h.isEmpty())
            .allMatch(cors.headers()::contains);
  }

  private static void allowOrigin(CorsSettings cors, String origin, HttpServletResponse response) {
    response.setHeader("Access-Control-Allow-Origin", origin);
    if (cors.allowCredentials()) {
      response.setHeader("Access-Control-Allow-Credentials", "true");
    }
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-cache, no-store");
    response.setHeader("Pragma", "no-cache");
    response
        .getWriter()
        .write(
            ErrorBodies.gms(
                    HttpServletResponse.SC_FORBIDDEN,
                    "CORS request refused: origin, method or header not allowed")
                .toString());
  }
}
