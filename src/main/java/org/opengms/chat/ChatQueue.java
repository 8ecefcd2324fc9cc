package org.opengms.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;
import org.opengms.agent.AgentPresence;
import org.opengms.security.User;

/**
 * The chats waiting for an agent, longest waiting first, and the routing decision: which waiting
 * chat goes to which free agent. Owns the routing lock ({@link #lock()}); its methods take it
 * themselves, and whoever changes the queue together with a chat or the agents takes it first. What
 * a decision causes (stores, pushes, events) is left to the {@link Routed} given, so the decision
 * itself is pure and unit-tested.
 */
@ApplicationScoped
public class ChatQueue {

  /** What a routing pass decided, told as it goes (the routing lock held). */
  interface Routed {
    /** {@code chat}'s service expired while it waited: it left the queue, to be ended. */
    void expired(LiveChat chat);

    /** {@code chat} left the queue for {@code agent} (already counted in their presence). */
    void assigned(LiveChat chat, User agent);
  }

  private final Object routing = new Object();
  private final Deque<LiveChat> waiting = new ArrayDeque<>();

  /** The routing lock: taken before any chat's monitor, never after. */
  Object lock() {
    return routing;
  }

  /** Joins the queue at its end (a new or a restored chat). */
  void add(LiveChat chat) {
    synchronized (routing) {
      waiting.add(chat);
    }
  }

  /**
   * Puts a chat an agent left back at the head of the queue, counted as queued just before the chat
   * at the head (the queue is in queuedAt order, so a restart, which orders by queuedAt, keeps it
   * there); {@code requeue} receives that time and is called before the chat joins.
   */
  void addFirst(LiveChat chat, java.util.function.Consumer<Instant> requeue) {
    synchronized (routing) {
      LiveChat head = waiting.peekFirst();
      Instant own = chat.session.getQueuedAt();
      requeue.accept(
          head == null || head.session.getQueuedAt().isAfter(own)
              ? own
              : head.session.getQueuedAt().minusMillis(1));
      waiting.addFirst(chat);
    }
  }

  /** The queue is now {@code chats}, in that order (as the nodes' shared database has it). */
  void replace(java.util.List<LiveChat> chats) {
    synchronized (routing) {
      waiting.clear();
      waiting.addAll(chats);
    }
  }

  void remove(LiveChat chat) {
    synchronized (routing) {
      waiting.remove(chat);
    }
  }

  int size() {
    synchronized (routing) {
      return waiting.size();
    }
  }

  /** The chats of {@code queue} waiting now. */
  int waiting(String queue) {
    synchronized (routing) {
      int count = 0;
      for (LiveChat chat : waiting) {
        if (queue.equals(chat.session.getQueue())) {
          count++;
        }
      }
      return count;
    }
  }

  /**
   * Gives waiting chats, longest waiting first, to free agents: for each, the ready agent serving
   * its queue with the fewest chats below their {@code max_chats}, not one who left it (its
   * preferred agent first, when that one can take it: {@link PreferredAgents}). Chats whose service
   * expired by {@code now} leave the queue. Assignments are counted in {@code presence} at once, so
   * the next chat sees the new load.
   */
  void route(
      Instant now, AgentPresence presence, Function<String, Optional<User>> users, Routed routed) {
    synchronized (routing) {
      for (Iterator<LiveChat> it = waiting.iterator(); it.hasNext(); ) {
        LiveChat chat = it.next();
        if (!chat.session.getServiceExpiresAt().isAfter(now)) {
          it.remove();
          routed.expired(chat);
          continue;
        }
        String queue = chat.session.getQueue();
        String preferred = chat.session.getPreferredAgent();
        Optional<String> agent =
            Optional.ofNullable(preferred)
                .flatMap(
                    p ->
                        presence.freeAgent(
                            queue, users, login -> login.equals(p) && !chat.hasLeft(login)))
                .or(() -> presence.freeAgent(queue, users, login -> !chat.hasLeft(login)));
        if (agent.isPresent()) {
          it.remove();
          presence.assigned(agent.get(), chat.id());
          routed.assigned(chat, users.apply(agent.get()).orElseThrow());
        }
      }
    }
  }
}
