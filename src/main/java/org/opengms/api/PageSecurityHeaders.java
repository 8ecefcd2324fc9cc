package org.opengms.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A strict Content-Security-Policy on the pages the server ships (agent console, admin console,
 * customer chat, the storage sample, the API page {@code /api/} whose Swagger UI needs nothing
 * more): scripts, styles and connections from our origin only, no inline script, no plugins, no
 * framing by other sites. {@code worker-src 'self' blob:} because the CometD client runs its timers
 * in a worker made from a blob URL. The storage sample page may call another GMS server ({@code
 * ?server=}, cross-origin through {@code [cors]}), so its connections may go anywhere.
 */
@WebFilter(urlPatterns = {"/admin/*", "/agent/*", "/api/*", "/chat/*", "/chat2/*", "/resources/*"})
public class PageSecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'self'";

  static final String STORAGE_SAMPLE_POLICY =
      POLICY.replace("connect-src 'self'", "connect-src 'self' http: https:");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader(
        "Content-Security-Policy",
        request.getRequestURI().endsWith("/storagetest.html") ? STORAGE_SAMPLE_POLICY : POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    chain.doFilter(request, response);
  }
}
