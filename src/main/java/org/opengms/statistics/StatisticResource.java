package org.opengms.statistics;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.opengms.api.FormBodies;
import org.opengms.api.FormParameters;
import org.opengms.config.ConfigurationProvider;
import org.opengms.security.Secured;

/**
 * The Stat Server API's peek request for external clients, HTTP Basic with role {@code statistic}.
 *
 * <pre>
 * curl -u stats:stats -H 'Cache-Control: max-age=5' \
 *      -d objectType=Queue -d objectId=default -d metric=ExpectedWaitTime \
 *      http://localhost:8080/genesys/1/statistic
 *   → 200 Age: 3  {"value":120}
 * </pre>
 *
 * Errors: 401 no or wrong credentials, 403 a login without the role or a statistic that is not
 * defined ({@code Queue 'x' (Tenant 'Environment') not found}), 400 a missing field, 415 no form.
 */
@Path("statistic")
@Secured("statistic")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticResource {

  @Inject StatisticRequests requests;
  @Inject ConfigurationProvider configuration;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response peek(
      @HeaderParam("Cache-Control") String cacheControl, MultivaluedMap<String, String> form) {
    return requests.peek(
        FormParameters.of(FormBodies.required(form), configuration.current()), cacheControl);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response peek(@HeaderParam("Cache-Control") String cacheControl, List<EntityPart> parts) {
    return requests.peek(
        FormParameters.of(FormBodies.required(parts), configuration.current()), cacheControl);
  }
}
