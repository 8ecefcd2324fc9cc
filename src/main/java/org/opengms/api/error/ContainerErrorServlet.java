package org.opengms.api.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of the web application (see {@code web.xml}): whatever the container itself
 * refuses (an unknown path such as {@code /genesys/nope} or {@code /genesys/resources/x.html}, a
 * method a static file does not take, an error outside JAX-RS) is answered with the JSON error
 * shape instead of WildFly's or Payara's HTML page; under {@code /genesys/2/} with the Chat v2
 * error body. Requested directly, it answers 404 like any unknown path.
 */
@WebServlet(ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

  public static final String PATH = "/container-error";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i && i >= 400 ? i : HttpServletResponse.SC_NOT_FOUND;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path =
        uri instanceof String u && u.startsWith(request.getContextPath())
            ? u.substring(request.getContextPath().length())
            : request.getServletPath();
    if ((status == HttpServletResponse.SC_METHOD_NOT_ALLOWED
            || status == HttpServletResponse.SC_FORBIDDEN)
        && !exists(path)) {
      // The static-file servlet refuses writes before looking: 405 on WildFly, 403 on Payara.
      status = HttpServletResponse.SC_NOT_FOUND;
    }
    String body =
        (ErrorBodies.isChatV2(path) ? ErrorBodies.chatV2(status) : ErrorBodies.gms(status))
            .toString();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-cache, no-store");
    response.setHeader("Pragma", "no-cache");
    if (!"HEAD".equals(request.getMethod())) {
      response.getWriter().write(body);
    }
  }

  private boolean exists(String path) {
    try {
      return path != null && !path.isEmpty() && getServletContext().getResource(path) != null;
    } catch (MalformedURLException e) {
      return false;
    }
  }
}
