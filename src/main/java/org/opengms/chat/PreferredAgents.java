package org.opengms.chat;

import java.util.Optional;

/**
 * Who should be offered a new chat first: another feature that knows (callbacks: the agent who
 * accepted the callback whose id the chat starts under) offers a CDI bean implementing this. The
 * chosen agent gets the chat when ready, serving its queue and below {@code max_chats}; otherwise
 * routing picks among the queue's agents as usual.
 */
public interface PreferredAgents {

  /** The agent login for a chat started under service instance {@code serviceId}, if any. */
  Optional<String> forService(String serviceId);
}
