package org.opengms.admin;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opengms.cluster.ClusterNode;
import org.opengms.cluster.ClusterNodes;
import org.opengms.cluster.ClusterSettings;
import org.opengms.cluster.NodeHeartbeat;
import org.opengms.config.ConfigurationProvider;
import org.opengms.node.NodeStatus;
import org.opengms.time.ServerClock;

/**
 * The nodes the admin console shows (role {@code admin}): every node of the cluster that wrote a
 * heartbeat into the shared database ({@link NodeHeartbeat}), whichever node answers. A node is
 * {@code ONLINE} while its heartbeat is fresh, {@code DOWN} once it is older than {@code [cluster]
 * node_timeout} (killed, hung, or cut off from the database), {@code LEFT} when it stopped cleanly;
 * the answering node ({@code self}) shows its own Node API status, {@code OFFLINE} while it shuts
 * down.
 *
 * <pre>
 * curl -u admin:admin http://localhost:8080/genesys/1/admin/nodes
 *   → [{"name":"host1","status":"ONLINE","self":true,"lastHeartbeat":"...",...}]
 * </pre>
 */
@Path("admin/nodes")
@org.opengms.security.Secured("admin")
public class NodesResource {

  @Inject NodeStatus status;
  @Inject ServerClock clock;
  @Inject ConfigurationProvider configuration;
  @EJB ClusterNodes nodes;
  @EJB NodeHeartbeat heartbeat;

  /**
   * One node.
   *
   * @param self whether this is the node that answered
   * @param leftAt when it stopped cleanly, or null
   * @param businessTime the answering node's server clock, which admins may move in tests ({@code
   *     /1/admin/clock}); null for the other nodes (each has its own)
   * @param server the container (WildFly, Payara) and version
   */
  public record Node(
      String name,
      String status,
      boolean self,
      String startedAt,
      String lastHeartbeat,
      String leftAt,
      String businessTime,
      String server,
      String java) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<Node> get() {
    Instant now = Instant.now();
    long timeout = configuration.current().get(ClusterSettings.class).nodeTimeoutSeconds();
    String me = heartbeat.name();
    List<Node> list = new ArrayList<>();
    boolean listed = false;
    for (ClusterNode n : nodes.all()) {
      boolean self = n.name().equals(me);
      listed |= self;
      String state;
      if (self) {
        state = status.state().name();
      } else if (n.leftAt() != null) {
        state = "LEFT";
      } else if (n.lastHeartbeat().isBefore(now.minusSeconds(timeout))) {
        state = "DOWN";
      } else {
        state = "ONLINE";
      }
      list.add(
          new Node(
              n.name(),
              state,
              self,
              n.startedAt().toString(),
              n.lastHeartbeat().toString(),
              n.leftAt() == null ? null : n.leftAt().toString(),
              self ? clock.now().toString() : null,
              n.server(),
              n.java()));
    }
    if (!listed) { // its row is not written yet (or the database refused it): still show it
      list.add(
          0,
          new Node(
              me,
              status.state().name(),
              true,
              null,
              null,
              null,
              clock.now().toString(),
              null,
              System.getProperty("java.version")));
    }
    return list;
  }
}
