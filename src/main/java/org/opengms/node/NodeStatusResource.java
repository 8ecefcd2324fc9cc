package org.opengms.node;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * The GMS Node API, for load balancers.
 *
 * <pre>curl http://localhost:8080/genesys/1/admin/node/status   → 200 ONLINE</pre>
 */
@Path("admin/node/status")
public class NodeStatusResource {

  @Inject NodeStatus node;

  @GET
  @Produces("text/plain;charset=UTF-8")
  public String status() {
    return node.state().name();
  }
}
