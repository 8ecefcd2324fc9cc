package org.opengms.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The GMS REST API, version 1: {@code /genesys/1/...}. Resources and providers are discovered. */
@ApplicationPath("1")
public class RestApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    // Jersey (Payara) reads multipart only with this feature; named by class so we need no Jersey
    // dependency. RESTEasy (WildFly) ignores these properties and reads EntityPart natively.
    // Jersey would also publish a WADL description (GET /1/application.wadl, OPTIONS bodies) that
    // WildFly does not have: off, so both servers expose the same API.
    return Map.of(
        "jersey.config.server.provider.classnames",
        "org.glassfish.jersey.media.multipart.MultiPartFeature",
        "jersey.config.server.wadl.disableWadl",
        "true");
  }
}
