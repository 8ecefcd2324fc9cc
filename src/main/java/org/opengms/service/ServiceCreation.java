package org.opengms.service;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.opengms.persistence.group.GroupCommit;
import org.opengms.storage.FormField;
import org.opengms.storage.StorageService;

/**
 * Creates service instances through group commit: a service instance is an independent insert (its
 * storage area and its row), safe to run again, so concurrent creates share one commit. Interaction
 * services commit alone: their access-number lease commits in a transaction of its own, which a
 * group that rolled back and ran again would leave behind for an instance that never existed.
 */
@ApplicationScoped
public class ServiceCreation {

  @EJB ServiceManager services;
  @Inject GroupCommit groupCommit;

  /** A new instance of {@code definition}, durable when this returns. */
  public ServiceSession create(
      ServiceDefinition definition,
      List<FormField> userData,
      String gmsUser,
      Map<String, String> serviceParams) {
    if (definition.isBuiltin(BuiltinService.REQUEST_INTERACTION)) {
      return services.create(definition, userData, gmsUser, serviceParams);
    }
    StorageService.requireValidKeys(
        userData); // a refused create costs the others of its group nothing
    return groupCommit.run(() -> services.create(definition, userData, gmsUser, serviceParams));
  }
}
