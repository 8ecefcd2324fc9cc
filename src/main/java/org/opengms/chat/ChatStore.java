package org.opengms.chat;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengms.cluster.ClusterSignals;
import org.opengms.cluster.Signal;

/**
 * The chat tables. Each call joins the caller's transaction (the engine's use cases are one each);
 * a message costs one insert, a state change one update. Every write signals the chat's id to the
 * other nodes ({@link Signal.Topic#CHAT}); {@link #lock} and {@link #lockRouting} are what nodes
 * sharing PostgreSQL take before changing a chat or the queue.
 */
@Stateless
public class ChatStore {

  /** The advisory lock key of chat routing (any constant no other lock of ours uses). */
  private static final long ROUTING_LOCK = 0x67_6d_73_63_68_61_74L; // "gmschat"

  @PersistenceContext(unitName = "gms")
  EntityManager em;

  /** Each change tells the other nodes at its commit (nothing to tell on one node). */
  @Inject ClusterSignals signals;

  /**
   * Stores a new chat. Flushed and detached at once: the engine's copy is never managed, so a later
   * read of the row in the same transaction ({@link #lock}) gets it from the database.
   */
  public void create(ChatSession chat) {
    em.persist(chat);
    em.flush();
    em.detach(chat);
    signals.send(Signal.Topic.CHAT, chat.getId());
  }

  public void append(String chatId, int position, TranscriptEvent event) {
    em.persist(new ChatEvent(chatId, position, event));
    signals.send(Signal.Topic.CHAT, chatId);
  }

  /** Writes the chat's routing state (state, agent, queue time, end time). */
  public void saveState(ChatSession chat) {
    em.createQuery(
            "update ChatSession c set c.state = :state, c.agentLogin = :agent,"
                + " c.queuedAt = :queuedAt, c.finishedAt = :finishedAt, c.shared.leftBy = :leftBy"
                + " where c.id = :id")
        .setParameter("state", chat.getState())
        .setParameter("agent", chat.getAgentLogin())
        .setParameter("queuedAt", chat.getQueuedAt())
        .setParameter("finishedAt", chat.getFinishedAt())
        .setParameter("leftBy", chat.shared().leftBy())
        .setParameter("id", chat.getId())
        .executeUpdate();
    signals.send(Signal.Topic.CHAT, chat.getId());
  }

  /** Writes what the customer may change during the chat (nickname, user data). */
  public void saveCustomer(ChatSession chat) {
    em.createQuery(
            "update ChatSession c set c.nickname = :nickname, c.userData = :data where c.id = :id")
        .setParameter("nickname", chat.getNickname())
        .setParameter("data", ChatUserData.format(chat.getUserData()))
        .setParameter("id", chat.getId())
        .executeUpdate();
    signals.send(Signal.Topic.CHAT, chat.getId());
  }

  /**
   * Binds a pooled connection to the caller's transaction (a trivial query): what holds a monitor
   * of the chat engine must not wait for a connection that a thread waiting on that monitor holds.
   */
  public void connect() {
    em.createNativeQuery("select 1").getSingleResult();
  }

  /** Tells the other nodes that agent {@code login}'s presence changed (at the commit). */
  public void signalPresence(String login) {
    signals.send(Signal.Topic.PRESENCE, login);
  }

  /** Chat {@code chatId} of {@code queue} was given to an agent at {@code at} (business time). */
  public void answered(String chatId, String queue, Instant at) {
    em.createQuery("update ChatSession c set c.shared.answeredAt = :at where c.id = :id")
        .setParameter("at", at)
        .setParameter("id", chatId)
        .executeUpdate();
    addFigures(queue, 1, 0, 0);
  }

  /** The agent's handling of chat {@code chatId} of {@code queue} ended at {@code at}. */
  public void handled(String chatId, String queue, Instant at) {
    List<Instant> started =
        em.createQuery(
                "select c.shared.answeredAt from ChatSession c where c.id = :id", Instant.class)
            .setParameter("id", chatId)
            .getResultList(); // one row; its value null when the chat was not answered
    Instant since = started.isEmpty() ? null : started.get(0);
    if (since != null) {
      em.createQuery("update ChatSession c set c.shared.answeredAt = null where c.id = :id")
          .setParameter("id", chatId)
          .executeUpdate();
      addFigures(queue, 0, 1, Math.max(0, java.time.Duration.between(since, at).toSeconds()));
    }
  }

  private void addFigures(String queue, long answered, long handled, long seconds) {
    em.createNativeQuery(
            "insert into chat_queue_figures (queue_name, answered, handled, handle_seconds)"
                + " values (?1, ?2, ?3, ?4) on conflict (queue_name) do update set"
                + " answered = chat_queue_figures.answered + excluded.answered,"
                + " handled = chat_queue_figures.handled + excluded.handled,"
                + " handle_seconds = chat_queue_figures.handle_seconds + excluded.handle_seconds")
        .setParameter(1, queue)
        .setParameter(2, answered)
        .setParameter(3, handled)
        .setParameter(4, seconds)
        .executeUpdate();
  }

  /** The cluster's figures of {@code queue}: answered, handled, handle seconds (zeros: none). */
  public long[] figures(String queue) {
    List<?> rows =
        em.createNativeQuery(
                "select answered, handled, handle_seconds from chat_queue_figures"
                    + " where queue_name = ?1")
            .setParameter(1, queue)
            .getResultList();
    if (rows.isEmpty()) {
      return new long[3];
    }
    Object[] row = (Object[]) rows.get(0);
    return new long[] {
      ((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue()
    };
  }

  /** A client session of chat {@code chatId} is bound on {@code node}. */
  public void saveBound(String chatId, String node) {
    em.createQuery("update ChatSession c set c.shared.boundNode = :node where c.id = :id")
        .setParameter("node", node)
        .setParameter("id", chatId)
        .executeUpdate();
  }

  /** No client session of chat {@code chatId} is bound on {@code node} any more. */
  public void clearBound(String chatId, String node) {
    em.createQuery(
            "update ChatSession c set c.shared.boundNode = null where c.id = :id and c.shared.boundNode = :node")
        .setParameter("node", node)
        .setParameter("id", chatId)
        .executeUpdate();
  }

  /** The polling customer of chat {@code chatId} was shown {@code seen} events. */
  public void saveSeen(String chatId, int seen) {
    em.createQuery("update ChatSession c set c.shared.clientSeen = :seen where c.id = :id")
        .setParameter("seen", seen)
        .setParameter("id", chatId)
        .executeUpdate();
  }

  /** The chat as stored now and its events after position {@code known}. */
  public record Fresh(ChatSession chat, List<TranscriptEvent> newer) {}

  /**
   * Locks chat {@code chatId}'s row until the caller's transaction ends (nodes sharing the database
   * change a chat one at a time) and reads it: the row, the events after {@code known}. With {@code
   * activity} (not null) the chat's last activity is set to it, the update taking the lock.
   */
  public Optional<Fresh> lock(String chatId, int known, Instant activity) {
    ChatSession chat;
    if (activity != null) {
      em.createQuery("update ChatSession c set c.shared.lastActivity = :at where c.id = :id")
          .setParameter("at", activity)
          .setParameter("id", chatId)
          .executeUpdate();
      chat = em.find(ChatSession.class, chatId);
    } else {
      chat = em.find(ChatSession.class, chatId, LockModeType.PESSIMISTIC_WRITE);
    }
    return fresh(chat, known);
  }

  /** Chat {@code chatId} as stored now and its events after {@code known}, without a lock. */
  public Optional<Fresh> read(String chatId, int known) {
    return fresh(em.find(ChatSession.class, chatId), known);
  }

  private Optional<Fresh> fresh(ChatSession chat, int known) {
    if (chat == null) {
      return Optional.empty();
    }
    em.detach(chat);
    List<TranscriptEvent> newer =
        em.createNamedQuery(ChatEvent.OF_CHAT_AFTER, ChatEvent.class)
            .setParameter("chatId", chat.getId())
            .setParameter("after", known)
            .getResultStream()
            .map(ChatEvent::toEvent)
            .toList();
    return Optional.of(new Fresh(chat, newer));
  }

  /**
   * Takes the cluster's routing lock until the caller's transaction ends (PostgreSQL advisory
   * lock): one node at a time changes the queue and who has which chat.
   */
  public void lockRouting() {
    em.createNativeQuery("select pg_advisory_xact_lock(" + ROUTING_LOCK + ")").getResultList();
  }

  /** The waiting chats, longest waiting first (rows only). */
  public List<ChatSession> waiting() {
    return em.createQuery(
            "select c from ChatSession c where c.state = :waiting order by c.queuedAt, c.id",
            ChatSession.class)
        .setParameter("waiting", ChatState.WAITING)
        .getResultStream()
        .peek(em::detach)
        .toList();
  }

  /** Every agent's assigned chats, by login, longest queued first. */
  public Map<String, List<String>> assignments() {
    Map<String, List<String>> byAgent = new LinkedHashMap<>();
    em.createQuery(
            "select c.agentLogin, c.id from ChatSession c where c.state = :assigned"
                + " order by c.queuedAt, c.id",
            Object[].class)
        .setParameter("assigned", ChatState.ASSIGNED)
        .getResultStream()
        .forEach(
            r -> byAgent.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((String) r[1]));
    return byAgent;
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
