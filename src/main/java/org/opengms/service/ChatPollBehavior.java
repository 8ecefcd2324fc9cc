package org.opengms.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code request-chat-poll}: the client polls {@code status} until an agent can take the chat.
 * Until the chat engine reports availability, the answer comes from the service's {@code
 * _agent_available} option (default false).
 */
@ApplicationScoped
public class ChatPollBehavior implements ServiceBehavior {

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
    boolean available = Boolean.parseBoolean(definition.option("_agent_available").orElse("false"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("_id", session.getId());
    answer.put("_status", available ? "available" : "waiting");
    return Optional.of(answer);
  }
}
