package org.opengms.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code request-chat-poll}: the client polls {@code status} until an agent can take the chat.
 * {@code available} when a ready agent with free capacity serves the service's queue ({@code
 * _queue}, default {@code default}), else {@code waiting}.
 */
@ApplicationScoped
public class ChatPollBehavior implements ServiceBehavior {

  @Inject ChatAvailability availability;

  @Override
  public boolean handles(ServiceDefinition definition) {
    return definition.isBuiltin(BuiltinService.REQUEST_CHAT_POLL);
  }

  @Override
  public Map<String, Object> created(
      ServiceSession session, ServiceDefinition definition, Map<String, String> serviceParams) {
    return Map.of();
  }

  @Override
  public Optional<Map<String, Object>> request(
      String request,
      ServiceSession session,
      ServiceDefinition definition,
      Map<String, String> params) {
    if (!"status".equals(request)) {
      return Optional.empty();
    }
    boolean available = availability.agentAvailable(definition);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("_id", session.getId());
    answer.put("_status", available ? "available" : "waiting");
    return Optional.of(answer);
  }
}
