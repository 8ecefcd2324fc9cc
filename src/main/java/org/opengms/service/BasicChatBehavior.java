package org.opengms.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** {@code request-chat}: the chat session can start at once; verbose adds its create URL. */
@ApplicationScoped
public class BasicChatBehavior implements ServiceBehavior {

  @Override
  public boolean handles(ServiceDefinition definition) {
    return definition.isBuiltin(BuiltinService.REQUEST_CHAT);
  }

  @Override
  public Map<String, Object> created(
      ServiceSession session, ServiceDefinition definition, Map<String, String> serviceParams) {
    return ServiceBehavior.verbose(serviceParams)
        ? Map.of("_chatIxnAPI-CREATE-URL", "/genesys/1/service/" + session.getId() + "/ixn/chat")
        : Map.of();
  }
}
