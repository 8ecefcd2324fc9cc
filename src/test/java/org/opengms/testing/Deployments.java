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

  public static WebArchive war() {
    String path = System.getProperty("gms.war", "target/genesys.war");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
  }
}
