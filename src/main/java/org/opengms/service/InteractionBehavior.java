package org.opengms.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code request-interaction} (app-to-connect): the number to dial and a fresh access code that
 * identifies this service when the call arrives.
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
    fields.put("_access_number", definition.option("_access_number").orElseThrow());
    fields.put("_access_code", session.getAccessCode());
    return fields;
  }
}
