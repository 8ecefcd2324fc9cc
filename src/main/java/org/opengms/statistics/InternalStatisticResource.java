package org.opengms.statistics;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.opengms.api.FormBodies;
import org.opengms.api.FormParameters;
import org.opengms.api.error.AccessDeniedException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;

/**
 * The Stat Server API's peek request for internal callers: no authentication, but only from the
 * networks in {@code [statistics] internal_networks} (default loopback), judged by the connection's
 * peer address; others get 403. Same fields and answers as {@link StatisticResource}.
 *
 * <pre>
 * curl -d objectType=Agent -d objectId=agent1 -d metric=CurrentState \
 *      http://127.0.0.1:8080/genesys/1/internal_statistic   → 200 Age: 0  {"value":"Ready"}
 * </pre>
 */
@Path("internal_statistic")
@Produces(MediaType.APPLICATION_JSON)
public class InternalStatisticResource {

  @Inject StatisticRequests requests;
  @Inject ConfigurationProvider configuration;
  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response peek(
      @HeaderParam("Cache-Control") String cacheControl, MultivaluedMap<String, String> form) {
    GmsConfiguration config = internalOnly();
    return requests.peek(FormParameters.of(FormBodies.required(form), config), cacheControl);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response peek(@HeaderParam("Cache-Control") String cacheControl, List<EntityPart> parts) {
    GmsConfiguration config = internalOnly();
    return requests.peek(FormParameters.of(FormBodies.required(parts), config), cacheControl);
  }

  private GmsConfiguration internalOnly() {
    GmsConfiguration config = configuration.current();
    String peer = request.getRemoteAddr();
    if (!config.get(StatisticsSettings.class).internalNetworks().contains(peer)) {
      throw new AccessDeniedException(
          "internal_statistic is only for internal networks ([statistics] internal_networks); "
              + "use /1/statistic with credentials");
    }
    return config;
  }
}
