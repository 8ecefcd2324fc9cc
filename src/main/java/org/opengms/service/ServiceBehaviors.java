package org.opengms.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.opengms.api.error.GmsException;

/** Finds the behavior of a configured service. */
@ApplicationScoped
public class ServiceBehaviors {

  @Inject @Any Instance<ServiceBehavior> behaviors;

  /** The behavior of {@code definition}; 501 for kinds this API does not create (yet). */
  public ServiceBehavior of(ServiceDefinition definition) {
    for (ServiceBehavior behavior : behaviors) {
      if (behavior.handles(definition)) {
        return behavior;
      }
    }
    throw new GmsException(
        Response.Status.NOT_IMPLEMENTED,
        "Service "
            + definition.name()
            + " ("
            + definition.type()
            + " "
            + definition.service()
            + ") cannot be created through the Service API");
  }
}
