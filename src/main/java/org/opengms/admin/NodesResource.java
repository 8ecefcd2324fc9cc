package org.opengms.admin;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import org.opengms.node.NodeStatus;
import org.opengms.time.ServerClock;

/**
 * The nodes the admin console shows (role {@code admin}). Nodes share nothing but the database, so
 * a node knows only itself: the list has this node, its status (as the Node API answers it to load
 * balancers) and its heartbeat, the moment it answered.
 *
 * <pre>
 * curl -u admin:admin http://localhost:8080/genesys/1/admin/nodes
 *   → [{"name":"host1","status":"ONLINE","startedAt":"...","lastHeartbeat":"...",...}]
 * </pre>
 */
@Path("admin/nodes")
@org.opengms.security.Secured("admin")
public class NodesResource {

  @Inject NodeStatus status;
  @Inject ServerClock clock;
  @Context ServletContext servlet;

  /**
   * One node.
   *
   * @param server the container (WildFly, Payara) and version
   * @param businessTime the server clock, which admins may move in tests ({@code /1/admin/clock})
   */
  public record Node(
      String name,
      String status,
      String startedAt,
      String lastHeartbeat,
      String businessTime,
      String server,
      String java) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<Node> get() {
    return List.of(
        new Node(
            hostName(),
            status.state().name(),
            Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()).toString(),
            Instant.now().toString(),
            clock.now().toString(),
            servlet.getServerInfo(),
            System.getProperty("java.version")));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
