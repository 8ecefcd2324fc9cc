package org.opengms.patterns;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.opengms.api.FormBodies;
import org.opengms.api.FormParameters;
import org.opengms.api.error.AccessDeniedException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;

/**
 * The GMS Pattern Matcher API.
 *
 * <pre>
 * curl -d param2=john.doe@gmail.com -d param3=911- http://localhost:8080/genesys/1/patterns
 *   → 200 {"param2":"email","param3":"911"}
 * curl -d param1=john.doe@gmail.com http://localhost:8080/genesys/1/patterns/group/patterns_def1
 *   → 200 {"param1":"email"}         unknown group → 403 {"message":"Group (x) unknown.",...}
 * </pre>
 */
@Path("patterns")
@Produces(MediaType.APPLICATION_JSON)
public class PatternResource {

  @Inject ConfigurationProvider configuration;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, String> matchGeneral(MultivaluedMap<String, String> form) {
    GmsConfiguration config = configuration.current();
    return match(
        config,
        config.get(PatternCatalog.class).general(),
        FormParameters.of(FormBodies.required(form), config));
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Map<String, String> matchGeneral(List<EntityPart> parts) {
    GmsConfiguration config = configuration.current();
    return match(
        config,
        config.get(PatternCatalog.class).general(),
        FormParameters.of(FormBodies.required(parts), config));
  }

  @POST
  @Path("group/{group}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Map<String, String> matchGroup(
      @PathParam("group") String group, MultivaluedMap<String, String> form) {
    GmsConfiguration config = configuration.current();
    return match(
        config, group(config, group), FormParameters.of(FormBodies.required(form), config));
  }

  @POST
  @Path("group/{group}")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Map<String, String> matchGroup(@PathParam("group") String group, List<EntityPart> parts) {
    GmsConfiguration config = configuration.current();
    return match(
        config, group(config, group), FormParameters.of(FormBodies.required(parts), config));
  }

  private static Map<String, Pattern> group(GmsConfiguration config, String group) {
    return config
        .get(PatternCatalog.class)
        .group(group)
        .orElseThrow(() -> new AccessDeniedException("Group (" + group + ") unknown."));
  }

  private static Map<String, String> match(
      GmsConfiguration config, Map<String, Pattern> patterns, Map<String, String> parameters) {
    return PatternMatcher.match(
        parameters, patterns, config.get(PatternCatalog.class).matchTimeoutMillis());
  }
}
