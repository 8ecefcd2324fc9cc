package org.opengms.service;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.time.Timestamps;

/**
 * {@code request-access}: an access number from a resource group ({@code _resource_group}, of the
 * request or the service) for the live interaction {@code _id}, held until the interaction expires:
 * {@code {"_id": ..., "_access_number": ..., "_expiration_time": ...}}. Creates nothing.
 */
@ApplicationScoped
public class RequestAccessBehavior implements ServiceBehavior {

  @EJB ServiceManager services;
  @Inject InteractionAccess access;

  @Override
  public boolean handles(ServiceDefinition definition) {
    return definition.isBuiltin(BuiltinService.REQUEST_ACCESS);
  }

  @Override
  public Map<String, Object> created(
      ServiceSession session, ServiceDefinition definition, Map<String, String> serviceParams) {
    throw new IllegalStateException("request-access creates no service");
  }

  @Override
  public Optional<Map<String, Object>> answer(
      ServiceDefinition definition, Map<String, String> params) {
    String id = MatchInteractionBehavior.required(params, "_id");
    String group = InteractionAccess.group(definition, params);
    if (group == null) {
      throw new InvalidRequestException(InteractionAccess.RESOURCE_GROUP + " is mandatory");
    }
    ServiceSession session = services.find(id);
    if (session.getAccessCode() == null) {
      throw new InvalidRequestException("Service " + id + " is not a request-interaction");
    }
    String number = access.numberFromGroup(group, id, session.getExpiresAt());
    services.assignAccessNumber(id, number);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("_id", id);
    answer.put("_access_number", number);
    answer.put("_expiration_time", Timestamps.format(session.getExpiresAt()));
    return Optional.of(answer);
  }
}
