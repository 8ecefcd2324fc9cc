package org.opengms.chat;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chat tables. Each call is one short transaction; a message costs exactly one insert, state
 * changes one update.
 */
@Stateless
public class ChatStore {

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  public void create(ChatSession chat) {
    em.persist(chat);
  }

  public void append(String chatId, int position, TranscriptEvent event) {
    em.persist(new ChatEvent(chatId, position, event));
  }

  /** Writes the chat's routing state (state, agent, queue time, end time). */
  public void saveState(ChatSession chat) {
    em.createQuery(
            "update ChatSession c set c.state = :state, c.agentLogin = :agent,"
                + " c.queuedAt = :queuedAt, c.finishedAt = :finishedAt where c.id = :id")
        .setParameter("state", chat.getState())
        .setParameter("agent", chat.getAgentLogin())
        .setParameter("queuedAt", chat.getQueuedAt())
        .setParameter("finishedAt", chat.getFinishedAt())
        .setParameter("id", chat.getId())
        .executeUpdate();
  }

  /** Writes what the customer may change during the chat (nickname, user data). */
  public void saveCustomer(ChatSession chat) {
    em.createQuery(
            "update ChatSession c set c.nickname = :nickname, c.userData = :data where c.id = :id")
        .setParameter("nickname", chat.getNickname())
        .setParameter("data", ChatUserData.format(chat.getUserData()))
        .setParameter("id", chat.getId())
        .executeUpdate();
  }

  public Optional<ChatSession> find(String id) {
    ChatSession chat = em.find(ChatSession.class, id);
    if (chat != null) {
      em.detach(chat);
    }
    return Optional.ofNullable(chat);
  }

  public Optional<ChatSession> byService(String serviceId) {
    return em.createNamedQuery(ChatSession.BY_SERVICE, ChatSession.class)
        .setParameter("serviceId", serviceId)
        .getResultStream()
        .peek(em::detach)
        .findFirst();
  }

  public Optional<ChatSession> bySecureKey(String secureKey) {
    return em.createQuery("select c from ChatSession c where c.secureKey = :key", ChatSession.class)
        .setParameter("key", secureKey)
        .getResultStream()
        .peek(em::detach)
        .findFirst();
  }

  public List<TranscriptEvent> transcript(String chatId) {
    return em.createNamedQuery(ChatEvent.OF_CHAT, ChatEvent.class)
        .setParameter("chatId", chatId)
        .getResultStream()
        .map(ChatEvent::toEvent)
        .toList();
  }

  /** Every chat not yet finished, longest-waiting first, with its transcript. */
  public Map<ChatSession, List<TranscriptEvent>> open() {
    Map<String, List<TranscriptEvent>> events = new LinkedHashMap<>();
    em.createNamedQuery(ChatEvent.OF_OPEN_CHATS, ChatEvent.class)
        .setParameter("finished", ChatState.FINISHED)
        .getResultStream()
        .forEach(e -> events.computeIfAbsent(e.chatId(), k -> new ArrayList<>()).add(e.toEvent()));
    Map<ChatSession, List<TranscriptEvent>> open = new LinkedHashMap<>();
    for (ChatSession chat :
        em.createNamedQuery(ChatSession.OPEN, ChatSession.class)
            .setParameter("finished", ChatState.FINISHED)
            .getResultList()) {
      em.detach(chat);
      open.put(chat, events.getOrDefault(chat.getId(), new ArrayList<>()));
    }
    return open;
  }
}
