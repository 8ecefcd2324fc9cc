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
 * The Stat Server API's multi-statistic peek. The reference shows it without credentials; it
 * reveals the same figures as {@code /1/statistic}, so it takes the same HTTP Basic with role
 * {@code statistic} (internal callers without credentials use {@code /1/internal_statistic}).
 *
 * <pre>
 * curl -u stats:stats -d 'stat1=ExpectedWaitTime;Queue;default;Environment' \
 *      -d 'stat2=CurrentNumberReadyAgents;Queue;default;Environment' \
 *      http://localhost:8080/genesys/1/statistics          → 200 {"stat1":0,"stat2":1}
 * </pre>
 *
 * Errors: 401/403 as {@code /1/statistic}, 404 a statistic that is not defined, 400 a field that is
 * not {@code Metric;ObjectType;ObjectId;Tenant}.
 */
@Path("statistics")
@Secured("statistic")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

  @Inject StatisticRequests requests;
  @Inject ConfigurationProvider configuration;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response peek(
      @HeaderParam("Cache-Control") String cacheControl, MultivaluedMap<String, String> form) {
    return requests.peekMany(
        FormParameters.of(FormBodies.required(form), configuration.current()), cacheControl);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response peek(@HeaderParam("Cache-Control") String cacheControl, List<EntityPart> parts) {
    return requests.peekMany(
        FormParameters.of(FormBodies.required(parts), configuration.current()), cacheControl);
  }
}
