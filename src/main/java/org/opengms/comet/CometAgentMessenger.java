package org.opengms.comet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerSession;

/**
 * Delivers to the CometD sessions of one agent: one look-up in the agents' session index, then
 * {@code ServerSession.deliver} to each (an agent with two consoles open gets it in both). Memory
 * only, bounded per session like every CometD queue here.
 */
@ApplicationScoped
public class CometAgentMessenger implements AgentMessenger {

  @Inject CometServer comet;

  @Override
  public int send(String login, Object data) {
    if (login == null || comet.server().isEmpty()) {
      return 0;
    }
    Set<ServerSession> sessions = comet.agentSessions().of(login);
    for (ServerSession session : sessions) {
      session.deliver(null, CometServer.AGENT_CHANNEL, data, Promise.noop());
    }
    return sessions.size();
  }

  @Override
  public boolean isConnected(String login) {
    return login != null && !comet.agentSessions().of(login).isEmpty();
  }
}
