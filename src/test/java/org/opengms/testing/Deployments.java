package org.opengms.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one deployment every integration test uses: the WAR the build produced, unchanged. */
public final class Deployments {

  private Deployments() {}

  public static WebArchive war() {
    String path = System.getProperty("gms.war", "target/genesys.war");
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
  }
}
