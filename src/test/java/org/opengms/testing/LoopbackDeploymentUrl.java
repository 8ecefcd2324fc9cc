package org.opengms.testing;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * After a Payara Micro deployment: the URL the tests get is the loopback address, not the host
 * address Payara reports (the first address of some interface, which on a machine where Docker adds
 * and removes networks during the run is not stable), and the application has answered its node
 * status (plain ONLINE or OFFLINE) before the first test runs. If anything else answers there (a
 * Payara still stopping, another server on the port), the class fails at once with what answered,
 * instead of tests failing one by one on 404s. WildFly's URL is already the loopback address.
 */
public final class LoopbackDeploymentUrl {

  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  /** What the Node API answers, and nothing else does. */
  private static final Set<String> OWN_ANSWERS = Set.of("ONLINE", "OFFLINE");

  private static final String STATUS_PATH = "1/admin/node/status";

  @Inject @DeploymentScoped private InstanceProducer<ProtocolMetaData> metaData;

  public void afterDeploy(@Observes AfterDeploy event) {
    if (!"payara".equals(System.getProperty("arquillian.launch")) || metaData.get() == null) {
      return;
    }
    ProtocolMetaData loopback = new ProtocolMetaData();
    for (HTTPContext reported : metaData.get().getContexts(HTTPContext.class)) {
      HTTPContext local = new HTTPContext("127.0.0.1", reported.getPort());
      for (Servlet servlet : reported.getServlets()) {
        local.add(new Servlet(servlet.getName(), servlet.getContextRoot()));
      }
      loopback.addContext(local);
      awaitOwnAnswer(local);
    }
    metaData.set(loopback);
  }

  /**
   * Waits, bounded, until GET node/status answers as the application does; otherwise fails with the
   * last answer (status, Server header, start of the body) or connection error.
   */
  private static void awaitOwnAnswer(HTTPContext context) {
    String root =
        context.getServlets().isEmpty()
            ? "/genesys"
            : context.getServlets().get(0).getContextRoot();
    URL base;
    try {
      base = new URL("http://127.0.0.1:" + context.getPort() + root + "/");
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    Http http = new Http(base);
    AtomicReference<String> last = new AtomicReference<>("no answer");
    try {
      Conditions.await(
          "the deployment answering " + http.uri(STATUS_PATH),
          READY_WITHIN,
          () -> answersOwn(http, last));
    } catch (AssertionError e) {
      throw new IllegalStateException(e.getMessage() + "; last: " + last.get(), e);
    }
  }

  private static boolean answersOwn(Http http, AtomicReference<String> last) {
    try {
      HttpResponse<String> answer = http.get(STATUS_PATH);
      if (OWN_ANSWERS.contains(answer.body().trim())) {
        return true;
      }
      last.set(
          answer.statusCode()
              + " from "
              + answer.headers().firstValue("Server").orElse("a server without a Server header")
              + ": "
              + answer.body().substring(0, Math.min(200, answer.body().length())));
    } catch (UncheckedIOException e) {
      last.set(e.getCause().toString());
    }
    return false;
  }
}
