package org.opengms.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * The GMS Node API, for load balancers.
 *
 * <pre>curl http://localhost:8080/genesys/1/admin/node/status   → 200 ONLINE</pre>
 *
 * <p>One instance for all requests (it keeps no request state): a load balancer asks every second
 * or so on every node, and a resource created per request costs a CDI instance and its injection.
 */
@ApplicationScoped
@Path("admin/node/status")
public class NodeStatusResource {

  @Inject NodeStatus node;

  @GET
  @Produces("text/plain;charset=UTF-8")
  public String status() {
    return node.state().name();
  }
}
