package org.opengms.agent;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.opengms.security.User;

/**
 * Agents' presence in memory: ready or not, since when, and the chats each has. On PostgreSQL the
 * nodes share it ({@link #share}, {@link #reload}: the {@code agent_presence} table and the chats'
 * rows); memory is then this node's copy, reloaded under the cluster's routing lock. Knows nothing
 * of chats beyond their ids, so the chat router and the statistics (chat and callback) read one
 * truth.
 *
 * <p>Locking: guarded by its own monitor, a leaf lock: nothing outside is called while it is held
 * (look-ups of users and eligibility are evaluated on a copy). Changes come from the chat router
 * under its routing lock, so a routing pass sees no change but its own.
 */
@ApplicationScoped
public class AgentPresence {

  /** What an agent looks like now, for statistics; {@code loggedInSince} null while logged out. */
  public record State(String state, Instant loggedInSince, int chats) {}

  /** What the ready agents serving a queue can take now. */
  public record Capacity(int readyAgents, int readyCapacity, int freeSlots) {}

  /** One agent's presence, copied out of the lock. */
  private record Copy(String login, boolean ready, Instant readySince, int chats) {}

  private static final class Agent {
    boolean ready;
    Instant readySince = Instant.EPOCH;
    Instant loggedInSince; // business time of the first presence change; null: logged out
    final Set<String> chats = new LinkedHashSet<>();
  }

  private final Map<String, Agent> agents = new HashMap<>();

  /** An agent's presence as the nodes share it. */
  public record Shared(boolean ready, Instant readySince, Instant loggedInSince) {}

  @EJB PresenceStore store;

  /**
   * Stores {@code login}'s presence for the other nodes sharing the database, as taken by {@code
   * node} (the agent counts as not ready while that node is not alive).
   */
  public void share(String login, String node) {
    Shared shared;
    synchronized (this) {
      Agent agent = agent(login);
      shared = new Shared(agent.ready, agent.readySince, agent.loggedInSince);
    }
    store.save(login, shared, node);
  }

  /**
   * Node {@code node} starts (again): the agents it had made ready are not ready, as on one node
   * after a restart (their consoles' sessions went with the node).
   */
  public void nodeStarted(String node) {
    store.notReadyOn(node);
  }

  /**
   * Replaces what this node knows with the presence the nodes share: an agent is ready when their
   * row says so and its node is in {@code alive}; {@code chats} are the assigned chats by login.
   */
  public void reload(Set<String> alive, Map<String, List<String>> chats) {
    List<PresenceRow> rows = store.all();
    synchronized (this) {
      agents.clear();
      for (PresenceRow row : rows) {
        Agent agent = agent(row.login());
        agent.ready = row.ready() && alive.contains(row.node());
        agent.readySince = row.readySince();
        agent.loggedInSince = row.loggedInSince();
      }
      chats.forEach((login, ids) -> agent(login).chats.addAll(ids));
    }
  }

  /**
   * Sets {@code login} ready or not ready. {@code now} (wall clock) orders ready agents with equal
   * load, {@code businessNow} ({@link org.opengms.time.ServerClock}) starts their login time.
   */
  public synchronized void ready(String login, boolean ready, Instant now, Instant businessNow) {
    Agent agent = agent(login);
    if (ready && !agent.ready) {
      agent.readySince = now;
    }
    if (agent.loggedInSince == null) {
      agent.loggedInSince = businessNow;
    }
    agent.ready = ready;
  }

  public synchronized boolean isReady(String login) {
    Agent agent = agents.get(login);
    return agent != null && agent.ready;
  }

  /** The agent's chats, oldest assignment first. */
  public synchronized List<String> chats(String login) {
    Agent agent = agents.get(login);
    return agent == null ? List.of() : List.copyOf(agent.chats);
  }

  public synchronized void assigned(String login, String chatId) {
    agent(login).chats.add(chatId);
  }

  public synchronized void released(String login, String chatId) {
    agent(login).chats.remove(chatId);
  }

  /**
   * The ready agent serving {@code queue} with the fewest chats, below their {@code max_chats},
   * among those {@code eligible}; of equal load, the one ready the longest.
   */
  public Optional<String> freeAgent(
      String queue, Function<String, Optional<User>> users, Predicate<String> eligible) {
    return copies().stream()
        .filter(Copy::ready)
        .filter(a -> eligible.test(a.login()))
        .filter(
            a ->
                serving(users.apply(a.login()), queue)
                    .filter(u -> a.chats() < u.maxChats())
                    .isPresent())
        .min(Comparator.comparingInt(Copy::chats).thenComparing(Copy::readySince))
        .map(Copy::login);
  }

  /** The ready agents serving {@code queue}: those with a free slot, their capacity, free slots. */
  public Capacity capacity(String queue, Function<String, Optional<User>> users) {
    int ready = 0;
    int capacity = 0;
    int free = 0;
    for (Copy agent : copies()) {
      Optional<User> user = serving(users.apply(agent.login()), queue);
      if (agent.ready() && user.isPresent()) {
        int slots = Math.max(0, user.get().maxChats() - agent.chats());
        capacity += user.get().maxChats();
        free += slots;
        ready += slots > 0 ? 1 : 0;
      }
    }
    return new Capacity(ready, capacity, free);
  }

  /** The presence of {@code login} now: LoggedOut, NotReady, Ready or Busy (at max_chats). */
  public synchronized State state(String login, int maxChats) {
    Agent agent = agents.get(login);
    if (agent == null) {
      return new State("LoggedOut", null, 0);
    }
    String state;
    if (agent.loggedInSince == null) {
      state = "LoggedOut";
    } else if (!agent.ready) {
      state = "NotReady";
    } else {
      state = agent.chats.size() < maxChats ? "Ready" : "Busy";
    }
    return new State(state, agent.loggedInSince, agent.chats.size());
  }

  private static Optional<User> serving(Optional<User> user, String queue) {
    return user.filter(u -> u.hasRole("agent"))
        .filter(u -> u.queues().isEmpty() || u.queues().contains(queue));
  }

  private synchronized List<Copy> copies() {
    List<Copy> copies = new ArrayList<>(agents.size());
    agents.forEach(
        (login, a) -> copies.add(new Copy(login, a.ready, a.readySince, a.chats.size())));
    return copies;
  }

  private Agent agent(String login) {
    return agents.computeIfAbsent(login, l -> new Agent());
  }
}
