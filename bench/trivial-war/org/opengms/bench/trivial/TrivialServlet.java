package org.opengms.bench.trivial;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The floor of bench/goals.sh: the cheapest dynamic answer the container can give (no JAX-RS, CDI,
 * EJB or database), deployed next to genesys.war in the same WildFly, so node/status is compared
 * with it in the same run. Answers the same body as node/status.
 */
@WebServlet("/hello")
public class TrivialServlet extends HttpServlet {
  private static final byte[] BODY = "ONLINE".getBytes(StandardCharsets.US_ASCII);

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setContentType("text/plain");
    resp.setContentLength(BODY.length);
    resp.getOutputStream().write(BODY);
  }
}
