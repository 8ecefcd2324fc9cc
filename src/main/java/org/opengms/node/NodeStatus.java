package org.opengms.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;

/**
 * Whether this node takes traffic. It goes OFFLINE the moment the application begins to shut down,
 * so load balancers polling the Node API drain it before it stops answering.
 */
@ApplicationScoped
public class NodeStatus {

  private static final Logger LOG = Logger.getLogger(NodeStatus.class.getName());

  public enum State {
    ONLINE,
    OFFLINE
  }

  private volatile State state = State.OFFLINE;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    state = State.ONLINE;
  }

  void onShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
    state = State.OFFLINE;
    LOG.info("Node going OFFLINE: application is shutting down");
  }

  public State state() {
    return state;
  }
}
