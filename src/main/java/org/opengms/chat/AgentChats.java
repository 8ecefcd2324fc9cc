package org.opengms.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengms.agent.AgentPresence;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.security.User;
import org.opengms.service.ServiceCatalog;

/**
 * The agent's use cases (Agent API): their presence, their chats and transcripts, and what they do
 * in a chat (write, type, push a URL, leave).
 */
@ApplicationScoped
public class AgentChats {

  @Inject ChatQueue queue;
  @Inject ChatRouter router;
  @Inject AgentPresence presence;
  @Inject OpenChats open;
  @Inject Transcripts transcripts;
  @Inject ConfigurationProvider configuration;
  @Inject ChatCluster cluster;

  /** The agent's presence: {@code login}, {@code nickname}, {@code ready}, chats. */
  @Transactional
  public Map<String, Object> me(User user) {
    cluster.connect();
    synchronized (queue.lock()) {
      cluster.reload();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("login", user.login());
      json.put("nickname", user.nickname());
      json.put("ready", presence.isReady(user.login()));
      json.put("maxChats", user.maxChats());
      json.put("queues", user.queues());
      json.put("chats", presence.chats(user.login()));
      return json;
    }
  }

  public void ready(User user, boolean ready) {
    router.ready(user, ready);
  }

  /** The agent's assigned chats, oldest assignment first. */
  @Transactional
  public List<Map<String, Object>> chats(User user) {
    List<LiveChat> mine = new ArrayList<>();
    cluster.connect();
    synchronized (queue.lock()) {
      cluster.reload();
      for (String id : presence.chats(user.login())) {
        Optional.ofNullable(open.open(id)).ifPresent(mine::add);
      }
    }
    return mine.stream().map(c -> ChatView.agent(c.session, c.size(), null)).toList();
  }

  /** One of the agent's chats (also a finished one they had) with its transcript. */
  @Transactional
  public Map<String, Object> transcript(User user, String chatId, String transcriptPosition) {
    LiveChat chat = agentChat(user, chatId);
    Integer from = ChatRequests.position(transcriptPosition);
    synchronized (chat) {
      return ChatView.agent(chat.session, chat.size(), chat.from(from == null ? 1 : from));
    }
  }

  /** {@code send} ({@code message}), {@code startTyping}, {@code stopTyping}, {@code pushUrl}. */
  @Transactional
  public Map<String, Object> act(User user, String chatId, String action, Map<String, String> p) {
    LiveChat chat = agentChat(user, chatId);
    if (action.equals("leave")) {
      return leave(user, chat);
    }
    TranscriptEvent event =
        switch (action) {
          case "send" ->
              Transcripts.agent(
                  chat, user, TranscriptEvent.MESSAGE, checked(ChatRequests.message(p)));
          case "startTyping" ->
              Transcripts.agent(chat, user, TranscriptEvent.TYPING_STARTED, "is typing");
          case "stopTyping" ->
              Transcripts.agent(chat, user, TranscriptEvent.TYPING_STOPPED, "stopped typing");
          case "pushUrl" ->
              Transcripts.agent(
                  chat, user, TranscriptEvent.PUSH_URL, ChatRequests.url(p.get("url")));
          default -> throw new ResourceNotFoundException("Unknown agent chat request " + action);
        };
    synchronized (chat) {
      cluster.lock(chat, true);
      ChatRequests.requireAssigned(chat, user);
      transcripts.append(chat, event);
      return ChatView.agent(chat.session, chat.size(), null);
    }
  }

  /** The agent leaves: the chat is re-queued ({@code requeue_on_agent_leave}) or ends. */
  private Map<String, Object> leave(User user, LiveChat chat) {
    synchronized (queue.lock()) {
      cluster.lockRouting();
      synchronized (chat) {
        cluster.lock(chat, true);
        ChatRequests.requireAssigned(chat, user);
        TranscriptEvent left =
            Transcripts.agent(chat, user, TranscriptEvent.LEFT, "has left the session");
        GmsConfiguration config = configuration.current();
        if (config
            .get(ChatSettings.class)
            .requeueOnAgentLeave(
                config.get(ServiceCatalog.class).find(chat.session.getServiceName()))) {
          transcripts.append(chat, left);
          router.requeue(chat, user);
        } else {
          router.finish(chat, left);
        }
        router.route();
        return ChatView.agent(chat.session, chat.size(), null);
      }
    }
  }

  /** One of the agent's chats: 404 unknown, 403 another agent's (nothing changes). */
  private LiveChat agentChat(User user, String chatId) {
    LiveChat chat = open.byId(chatId);
    cluster.connect();
    synchronized (chat) {
      cluster.catchUp(chat); // another node may have given it to them a moment ago
    }
    ChatRequests.requireAgent(chat, user);
    return chat;
  }

  private String checked(String text) {
    return ChatRequests.checked(
        text, configuration.current().get(ChatSettings.class).maxMessageBytes());
  }
}
