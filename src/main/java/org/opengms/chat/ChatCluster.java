package org.opengms.chat;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opengms.agent.AgentPresence;
import org.opengms.cluster.ClusterNodes;
import org.opengms.cluster.ClusterSettings;
import org.opengms.cluster.Heartbeat;
import org.opengms.cluster.NodeName;
import org.opengms.cluster.Signal;
import org.opengms.config.ConfigurationProvider;
import org.opengms.persistence.DatabaseSettings;

/**
 * Chat across nodes sharing PostgreSQL (docs/cluster.md, "Chat across nodes"). The database
 * decides, memory caches: a change of a chat holds the chat's row lock ({@link #lock}) and starts
 * from the row and the events as stored, a routing pass holds the cluster's routing lock ({@link
 * #lockRouting}) and starts from the queue and the agents as stored. Each write signals the chat's
 * id ({@link Signal.Topic#CHAT}); a node hearing it reads what is new and pushes it to the CometD
 * sessions it holds (the customer's, the agent's), so each side gets every event once, in order,
 * from whichever node holds its session. On H2 (one node) every method here does nothing.
 *
 * <p>Locks: {@link #lock} is called holding the chat's monitor, {@link #lockRouting} holding the
 * routing lock, both inside the use case's transaction; the database locks are taken in the same
 * order as the monitors (routing, then a chat) and held to the commit.
 */
@ApplicationScoped
public class ChatCluster {

  @EJB ChatStore store;
  @EJB ClusterNodes nodes;
  @Inject OpenChats open;
  @Inject ChatQueue queue;
  @Inject AgentPresence presence;
  @Inject ChatPush push;
  @Inject ChatReplay replay;
  @Inject ConfigurationProvider configuration;

  private final boolean clustered = DatabaseSettings.resolve().url().startsWith("jdbc:postgresql:");
  private final String node = NodeName.current();

  /** The nodes alive at the last reload (this one always). */
  private volatile Set<String> alive = Set.of(node);

  /**
   * Gives the caller's transaction its database connection now, before it takes the routing lock or
   * a chat's monitor (PostgreSQL only): every thread holding one of them then has its connection,
   * so none waits for the pool while threads queued on its monitor hold all of it.
   */
  void connect() {
    if (clustered) {
      store.connect();
    }
  }

  /** Whether other nodes may share this node's chats (the database is PostgreSQL). */
  boolean clustered() {
    return clustered;
  }

  /**
   * Locks {@code chat}'s row to the end of the transaction and brings the chat up to date: what
   * other nodes appended is added (and pushed to this node's sessions), the state is the stored
   * one. With {@code activity} the chat's last activity becomes now. Holds the chat's monitor.
   */
  void lock(LiveChat chat, boolean activity) {
    if (clustered) {
      store
          .lock(chat.id(), chat.size(), activity ? Instant.now() : null)
          .ifPresent(f -> replay.apply(chat, f));
    }
  }

  /** Brings {@code chat} up to date without locking it (a read). Holds the chat's monitor. */
  void catchUp(LiveChat chat) {
    if (clustered) {
      store.read(chat.id(), chat.size()).ifPresent(f -> replay.apply(chat, f));
    }
  }

  /**
   * Takes the cluster's routing lock to the end of the transaction and reloads the queue and the
   * agents' presence. Holds the routing lock.
   */
  void lockRouting() {
    if (clustered) {
      store.lockRouting();
      reload();
    }
  }

  /** This node starts: the agents it had made ready before are not ready any more. */
  void started() {
    if (clustered) {
      presence.nodeStarted(node);
    }
  }

  /** Stores {@code login}'s presence for the other nodes (taken by this node). */
  void shareReady(String login) {
    if (clustered) {
      presence.share(login, node);
      store.signalPresence(login);
    }
  }

  /** {@code chat} was given to its agent at {@code at} (business time): counted for the cluster. */
  void answered(LiveChat chat, Instant at) {
    if (clustered) {
      store.answered(chat.id(), chat.session.getQueue(), at);
    }
  }

  /** The agent's handling of {@code chat} ended at {@code at} (business time). */
  void handled(LiveChat chat, Instant at) {
    if (clustered) {
      store.handled(chat.id(), chat.session.getQueue(), at);
    }
  }

  /**
   * The cluster's answered count, handled count and handle seconds of {@code queue} (counted since
   * the table was created); null on one node, where the engine's own counters answer.
   */
  long[] figures(String queue) {
    return clustered ? store.figures(queue) : null;
  }

  /** A client session of {@code chat} is bound here now (the first one on this node). */
  void bound(LiveChat chat) {
    if (clustered) {
      store.saveBound(chat.id(), node);
    }
  }

  /** No client session of {@code chat} is bound here any more. */
  void unbound(LiveChat chat) {
    if (clustered) {
      store.clearBound(chat.id(), node);
    }
  }

  /**
   * Whether a client session of {@code chat} is bound on another node that is alive, as the chat's
   * row said when last read (a writer has just locked it). Holds the chat's monitor.
   */
  boolean boundElsewhere(LiveChat chat) {
    String at = chat.session.shared().boundNode();
    return clustered && at != null && !at.equals(node) && alive.contains(at);
  }

  /**
   * Whether this node ends idle chats and sends idle alerts: on one node, always; in a cluster, the
   * alive node first by name (each alert is sent once).
   */
  boolean sweepsIdle() {
    return !clustered || alive.stream().sorted().findFirst().orElse(node).equals(node);
  }

  /** The polling customer of {@code chat} was shown what it has now. Holds the chat's monitor. */
  void shown(LiveChat chat) {
    if (clustered && chat.seen() != chat.session.shared().clientSeen()) {
      store.saveSeen(chat.id(), chat.seen());
    }
  }

  /**
   * The queue and the agents as stored: waiting chats in order (read and adopted when this node did
   * not have them), each agent's presence (not ready when their node is not alive) and chats. Holds
   * the routing lock.
   */
  void reload() {
    if (!clustered) {
      return;
    }
    List<LiveChat> waiting = new ArrayList<>();
    for (ChatSession row : store.waiting()) {
      LiveChat live = open.open(row.getId());
      if (live == null) {
        continue; // finished meanwhile
      }
      synchronized (live) {
        if (live.session.getState() != ChatState.WAITING) {
          store.read(live.id(), live.size()).ifPresent(f -> replay.apply(live, f));
        } else {
          live.session.copyStateFrom(row); // queue time and leavers; events come by signal
        }
      }
      waiting.add(live);
    }
    queue.replace(waiting);
    int timeout = configuration.current().get(ClusterSettings.class).nodeTimeoutSeconds();
    Set<String> now = nodes.alive(Instant.now().minusSeconds(timeout));
    now.add(node);
    alive = Set.copyOf(now);
    presence.reload(now, store.assignments());
  }

  @Transactional
  void onSignal(@Observes Signal signal) {
    if (!clustered) {
      return;
    }
    connect();
    switch (signal.topic()) {
      case CHAT -> changed(signal.id());
      case PRESENCE -> {
        refresh();
        push.presence(signal.id(), presence.isReady(signal.id())); // to their consoles here
      }
      case RESYNC -> resync();
      default -> {} // another feature's topic
    }
  }

  /** The nodes alive may have changed: agents of a node gone are no longer ready. */
  @Transactional
  void onHeartbeat(@Observes Heartbeat beat) {
    if (clustered) {
      connect();
      refresh();
    }
  }

  private void refresh() {
    synchronized (queue.lock()) {
      reload();
    }
  }

  /** Signals were missed (the listener reconnected): every open chat is read again. */
  private void resync() {
    store.open().keySet().forEach(row -> changed(row.getId()));
    refresh();
  }

  /** Another node changed chat {@code chatId}: what is new is taken and pushed here. */
  private void changed(String chatId) {
    LiveChat live = open.open(chatId); // adopted with its transcript when new here
    if (live == null) {
      return; // finished, and not open here
    }
    synchronized (live) {
      store.read(chatId, live.size()).ifPresent(f -> replay.apply(live, f));
    }
  }
}
