package org.opengms.callback;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceBehavior;
import org.opengms.service.ServiceDefinition;
import org.opengms.service.ServiceSession;

/**
 * Callback services on the generic Service API: they are started through {@code
 * /1/service/callback/<name>} (so {@code POST /1/service/<name>} answers 405), and a callback's own
 * instance ({@link CallbackSessions}) answers only the dialog requests and its storage and chat;
 * any other {@code /1/service/<callback id>/<request>} is a 400.
 */
@ApplicationScoped
public class CallbackServiceBehavior implements ServiceBehavior {

  @Override
  public boolean handles(ServiceDefinition definition) {
    return BuiltinService.CALLBACK.equals(definition.service());
  }

  @Override
  public Map<String, Object> created(
      ServiceSession session, ServiceDefinition definition, Map<String, String> serviceParams) {
    return Map.of();
  }

  @Override
  public boolean creates() {
    return false;
  }
}
