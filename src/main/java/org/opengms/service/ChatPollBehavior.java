package org.opengms.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opengms.statistics.Statistics;

/**
 * {@code request-chat-poll}: the client polls {@code status} until an agent can take the chat.
 * {@code available} when the statistic {@code CurrentNumberReadyAgents} of the service's queue
 * ({@code _queue}, default {@code default}) is above 0, i.e. a ready agent with free capacity
 * serves it; else {@code waiting}. Read live, not from the Stat Server API's cache.
 */
@ApplicationScoped
public class ChatPollBehavior implements ServiceBehavior {

  @Inject Statistics statistics;

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
    String queue = definition.option("_queue").orElse("default");
    boolean available =
        statistics
            .current("Queue", queue, "CurrentNumberReadyAgents")
            .filter(v -> v instanceof Number n && n.longValue() > 0)
            .isPresent();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("_id", session.getId());
    answer.put("_status", available ? "available" : "waiting");
    return Optional.of(answer);
  }
}
