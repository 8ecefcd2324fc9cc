package org.opengms.comet;

/**
 * Sends events to the CometD sessions of one agent (sessions opened with the agent's HTTP Basic
 * credentials), on channel {@value CometServer#AGENT_CHANNEL}; nobody else receives them.
 */
public interface AgentMessenger {

  /**
   * Delivers {@code data} (a JSON-able map, {@code {"type": ..., ...}}) as it is.
   *
   * @return how many sessions it was handed to (0 when the agent has none)
   */
  int send(String login, Object data);

  /** Whether the agent has at least one live session. */
  boolean isConnected(String login);
}
