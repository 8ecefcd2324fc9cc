package org.opengms.testing;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one deployment every integration test uses: the WAR the build produced, unchanged. */
public final class Deployments {

  private Deployments() {}

  /**
   * The application's base URL when Arquillian cannot inject it (deployments the test deploys
   * itself): the HTTP port of the container the build chose.
   */
  public static URL baseUrl() {
    int port =
        "payara".equals(System.getProperty("arquillian.launch"))
            ? Integer.getInteger("it.http.port", 8080)
            : 8080 + Integer.getInteger("it.port.offset", 0);
    try {
      return new URL("http://127.0.0.1:" + port + "/genesys/");
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code url} with the loopback address as host, for tests that must come from loopback: Payara
   * Micro's Arquillian adapter reports the instance's public address (e.g. http://192.0.2.2:8080/),
   * WildFly's 127.0.0.1.
   */
  public static URL loopback(URL url) {
    try {
      return new URL(url.getProtocol(), "127.0.0.1", url.getPort(), url.getFile());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static WebArchive war() {
    String path = System.getProperty("gms.war", "target/genesys.war");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
  }
}
