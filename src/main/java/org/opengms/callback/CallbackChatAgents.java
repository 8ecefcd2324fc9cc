package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.opengms.chat.PreferredAgents;

/** A chat callback's chat is offered first to the agent who accepted the callback. */
@ApplicationScoped
public class CallbackChatAgents implements PreferredAgents {

  @EJB CallbackStore store;

  @Override
  public Optional<String> forService(String serviceId) {
    return store.find(serviceId).map(Callback::getAgent);
  }
}
