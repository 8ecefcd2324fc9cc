package org.opengms.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.security.Secured;

/**
 * The effective configuration, read-only, for {@code [user.*]} logins with role {@code admin}.
 *
 * <pre>
 * curl -u admin:secret http://localhost:8080/genesys/1/admin/config
 *   → 200 {"source":"/.../gms.ini","loadedAt":"...","sections":{"server":{...},...}}
 * </pre>
 *
 * 401 without or with wrong credentials, 403 for a login without the admin role.
 */
@Path("admin/config")
@Secured("admin")
public class ConfigurationResource {

  @Inject ConfigurationProvider configuration;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public ConfigurationResponse get() {
    GmsConfiguration config = configuration.current();
    return new ConfigurationResponse(
        config.document().source(),
        config.loadedAt().toString(),
        ConfigurationView.sections(config),
        configuration
            .lastRefusal()
            .map(r -> new ConfigurationResponse.RefusedChange(r.at().toString(), r.reason()))
            .orElse(null));
  }
}
