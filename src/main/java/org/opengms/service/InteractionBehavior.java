package org.opengms.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengms.time.Timestamps;

/**
 * {@code request-interaction} (app-to-connect): the number to dial (fixed, or from a resource
 * group), a fresh access code that identifies this service when the call arrives ({@code
 * match-interaction}), and when both stop working ({@code _expiration_time}, the service's end).
 */
@ApplicationScoped
public class InteractionBehavior implements ServiceBehavior {

  @Override
  public boolean handles(ServiceDefinition definition) {
    return definition.isBuiltin(BuiltinService.REQUEST_INTERACTION);
  }

  @Override
  public Map<String, Object> created(
      ServiceSession session, ServiceDefinition definition, Map<String, String> serviceParams) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("_access_number", session.getAccessNumber());
    fields.put("_access_code", session.getAccessCode());
    fields.put("_expiration_time", Timestamps.format(session.getExpiresAt()));
    return fields;
  }
}
