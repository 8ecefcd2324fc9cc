package org.opengms.node;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The Node API's status as a MicroProfile Health readiness check, for orchestrators. */
@Readiness
@ApplicationScoped
public class NodeReadinessCheck implements HealthCheck {

  @Inject NodeStatus node;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("gms-node")
        .status(node.state() == NodeStatus.State.ONLINE)
        .build();
  }
}
