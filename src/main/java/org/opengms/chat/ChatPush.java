package org.opengms.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opengms.comet.AgentMessenger;
import org.opengms.comet.UserMessenger;

/**
 * Pushes what happens in chats over CometD, in memory only (no database on this path):
 *
 * <ul>
 *   <li>to the customer of a {@code notify_by=comet} chat: each transcript event, to the service
 *       owner's {@code gms_user}, tag {@code service.chat.refresh.<service id>};
 *   <li>to the agent of a chat: {@code assigned}, each transcript {@code event} (their own too),
 *       {@code ended}; and to an agent their {@code presence} when it changes.
 * </ul>
 *
 * Without a messenger in the deployment nothing is pushed (everything can still be polled). A
 * failing push is logged and never fails the chat request that caused it.
 */
@ApplicationScoped
public class ChatPush {

  private static final Logger LOG = Logger.getLogger(ChatPush.class.getName());

  @Inject Instance<UserMessenger> messengers;
  @Inject Instance<AgentMessenger> agentMessengers;
  @Inject jakarta.enterprise.event.Event<ChatEventAppended> appended;

  void event(ChatSession chat, int position, TranscriptEvent event) {
    try {
      appended.fire(new ChatEventAppended(chat, position, event)); // Chat API v2 CometD sessions
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Chat " + chat.getId() + ": v2 push failed", e);
    }
    if (chat.getAgentLogin() != null) {
      Map<String, Object> data = agentMessage("event", chat);
      data.put("position", Integer.toString(position));
      data.put("event", event.toAgentArray());
      toAgent(chat.getAgentLogin(), data);
    }
    if (!chat.isComet() || chat.getGmsUser() == null || !messengers.isResolvable()) {
      return;
    }
    try {
      messengers
          .get()
          .send(
              chat.getGmsUser(),
              "service.chat.refresh." + chat.getServiceId(),
              ChatView.pushed(chat, position, event));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Chat " + chat.getId() + ": comet push failed", e);
    }
  }

  /** The chat was given to its agent; {@code size} events so far. */
  void assigned(ChatSession chat, int size) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "assigned");
    data.put("chat", ChatView.agent(chat, size, null));
    toAgent(chat.getAgentLogin(), data);
  }

  /** The chat is no longer {@code login}'s: finished, or re-queued after they left. */
  void ended(ChatSession chat, String login) {
    Map<String, Object> data = agentMessage("ended", chat);
    data.put("state", chat.getState().name());
    toAgent(login, data);
  }

  void presence(String login, boolean ready) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "presence");
    data.put("login", login);
    data.put("ready", ready);
    toAgent(login, data);
  }

  private static Map<String, Object> agentMessage(String type, ChatSession chat) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", type);
    data.put("chatSessionId", chat.getId());
    return data;
  }

  private void toAgent(String login, Map<String, Object> data) {
    if (login == null || !agentMessengers.isResolvable()) {
      return;
    }
    try {
      agentMessengers.get().send(login, data);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Agent " + login + ": comet push failed", e);
    }
  }
}
