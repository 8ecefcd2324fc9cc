package org.opengms.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.event.container.BeforeDeploy;
import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Waits, before a container is started or deployed to, until the Payara Micro process of the
 * previous test class has exited. The Payara Micro adapter (3.1) boots one process per test class
 * and stops it with {@code Process.destroy()} without waiting: on a loaded machine the next class's
 * Payara then starts while the old one still holds the HTTP port and the H2 files (its deployment
 * fails: "No applications were found deployed"), and the tests' pooled connections may still reach
 * the old one, which no longer answers (a request times out). WildFly (one process for the whole
 * run) has no such child and is not affected.
 */
public final class PreviousPayaraExit implements LoadableExtension {

  private static final Logger LOG = Logger.getLogger(PreviousPayaraExit.class.getName());
  private static final long GRACE_SECONDS = 180;

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(Waiter.class);
    builder.observer(LoopbackDeploymentUrl.class);
  }

  /** The observer Arquillian calls. */
  public static final class Waiter {

    public void beforeStart(@Observes BeforeStart event) {
      awaitExit();
    }

    public void beforeDeploy(@Observes BeforeDeploy event) {
      awaitExit();
    }
  }

  static void awaitExit() {
    if (!"payara".equals(System.getProperty("arquillian.launch"))) {
      return;
    }
    List<ProcessHandle> payaras =
        ProcessHandle.current()
            .children()
            .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"))
            .toList();
    for (ProcessHandle p : payaras) {
      long started = System.nanoTime();
      try {
        p.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        LOG.warning("Payara Micro " + p.pid() + " still running after " + GRACE_SECONDS + " s");
        p.destroyForcibly();
        join(p);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      LOG.info(
          "Waited "
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
              + " ms for the previous Payara Micro ("
              + p.pid()
              + ") to exit");
    }
    awaitPortFree();
  }

  /**
   * Waits, bounded, until nothing listens on the HTTP port Payara is told to take: a process that
   * has exited may leave it to a lingering child, and a next Payara that cannot bind it would still
   * report a URL on which something else answers.
   */
  private static void awaitPortFree() {
    int port = Integer.getInteger("it.http.port", 8080);
    Conditions.await(
        "port " + port + " free after the previous Payara Micro exited",
        Duration.ofSeconds(60),
        () -> !listening(port));
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void join(ProcessHandle p) {
    try {
      p.onExit().get(30, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException("Payara Micro " + p.pid() + " did not exit", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
