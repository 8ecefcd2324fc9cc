package org.opengms.admin;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.opengms.security.Secured;

/**
 * The admin console's live view, one JSON snapshot (role {@code admin}).
 *
 * <pre>
 * curl -u admin:admin http://localhost:8080/genesys/1/admin/live
 *   → {"at":"...","queues":[{"name":"default","waitingChats":1,...}],"agents":[...],
 *      "totals":{...},"history":[{...one a minute, the last hour...}]}
 * </pre>
 */
@Path("admin/live")
@Secured("admin")
public class LiveResource {

  @EJB LiveHistory history;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public LiveSnapshot get() {
    return history.snapshot();
  }
}
