package org.opengms.chat;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.opengms.agent.AgentPresence;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.security.User;
import org.opengms.security.UserSettings;
import org.opengms.statistics.MetricsChanged;
import org.opengms.time.ServerClock;

/**
 * Carries out what routing decides, and every change of a chat's place between the queue, an agent
 * and the end: assigning, re-queueing, finishing, an agent's presence, and the restart. Each such
 * change holds the routing lock ({@link ChatQueue#lock()}), then the chat's monitor.
 */
@ApplicationScoped
public class ChatRouter {

  private static final Logger LOG = Logger.getLogger(ChatRouter.class.getName());
  private static final MetricsChanged QUEUES_AND_AGENTS =
      new MetricsChanged(Set.of(ChatMetrics.QUEUE, ChatMetrics.AGENT));

  @EJB ChatStore store;
  @Inject ChatQueue queue;
  @Inject AgentPresence presence;
  @Inject OpenChats open;
  @Inject Transcripts transcripts;
  @Inject ConfigurationProvider configuration;
  @Inject ChatPush push;
  @Inject ChatBackground background;
  @Inject ServerClock clock;
  @Inject Event<MetricsChanged> metricsChanged;
  @Inject ChatCluster cluster;

  /** Counters for statistics (answered chats, handle times); guarded by the routing lock. */
  private final ChatFigures figures = new ChatFigures();

  /** Reloads open chats: waiting ones queue again, assigned ones stay with their agent. */
  void restore() {
    synchronized (queue.lock()) {
      cluster.started();
      store
          .open()
          .forEach(
              (chat, events) -> {
                LiveChat live = new LiveChat(chat, new ArrayList<>(events), events.size());
                open.register(live);
                background.track(live);
                if (chat.getState() == ChatState.WAITING) {
                  rememberLeavers(live, events);
                  queue.add(live);
                } else {
                  presence.assigned(chat.getAgentLogin(), chat.getId());
                }
              });
      LOG.info(() -> "Chats restored: " + open.size() + " open, " + queue.size() + " waiting");
    }
  }

  /**
   * A re-queued chat is not routed back to the agents who left it: after a restart they are known
   * from its agent {@code Notice.Left} events, by nickname (every agent with that nickname).
   */
  private void rememberLeavers(LiveChat live, List<TranscriptEvent> events) {
    Map<String, User> users = configuration.current().get(UserSettings.class).all();
    for (TranscriptEvent e : events) {
      if (TranscriptEvent.LEFT.equals(e.type()) && TranscriptEvent.AGENT.equals(e.userType())) {
        users.values().stream()
            .filter(u -> e.nickname().equals(u.nickname()))
            .forEach(u -> live.left(u.login()));
      }
    }
  }

  /** A new chat joins the queue and is routed. Holds the routing lock. */
  void enqueue(LiveChat chat) {
    open.register(chat);
    background.track(chat);
    queue.add(chat);
    route();
  }

  /** Gives waiting chats to free agents ({@link ChatQueue#route}). Holds the routing lock. */
  void route() {
    GmsConfiguration config = configuration.current();
    queue.route(
        Instant.now(),
        presence,
        config.get(UserSettings.class)::find,
        new ChatQueue.Routed() {
          @Override
          public void expired(LiveChat chat) {
            synchronized (chat) {
              cluster.lock(chat, false);
              finish(chat, null);
            }
          }

          @Override
          public void assigned(LiveChat chat, User agent) {
            assign(chat, agent);
          }
        });
    metricsChanged.fire(QUEUES_AND_AGENTS);
  }

  private void assign(LiveChat chat, User agent) {
    synchronized (chat) {
      cluster.lock(chat, true); // the events other nodes appended come before the join
      chat.session.assign(agent.login());
      store.saveState(chat.session);
      figures.answered(chat.session.getQueue(), chat.id(), clock.now());
      cluster.answered(chat, clock.now());
      push.assigned(chat.session, chat.size());
      transcripts.append(
          chat, Transcripts.agent(chat, agent, TranscriptEvent.JOINED, "has joined the session"));
    }
  }

  /** The customer left (disconnect, service deleted, idle): the chat ends, others are routed. */
  @Transactional
  void customerLeft(LiveChat chat) {
    cluster.connect();
    synchronized (queue.lock()) {
      cluster.lockRouting();
      synchronized (chat) {
        cluster.lock(chat, false);
        if (chat.session.getState() != ChatState.FINISHED) {
          finish(chat, Transcripts.customerLeft(chat));
          route();
        }
      }
    }
  }

  /**
   * Ends a chat with {@code last} (when not null) as its final event: appended once the chat is
   * finished, so its push to a comet customer already says DISCONNECTED, and before the agent hears
   * {@code ended}. Holds the routing lock and the chat's monitor.
   */
  void finish(LiveChat chat, TranscriptEvent last) {
    queue.remove(chat);
    if (chat.session.getAgentLogin() != null) {
      presence.released(chat.session.getAgentLogin(), chat.id());
    }
    figures.ended(chat.id(), clock.now());
    cluster.handled(chat, clock.now());
    chat.session.finish(Instant.now());
    store.saveState(chat.session);
    open.closed(chat);
    if (last != null) {
      transcripts.append(chat, last);
    }
    background.forget(chat);
    push.ended(chat.session, chat.session.getAgentLogin());
  }

  /**
   * Agent {@code user} left {@code chat} ({@code left} already appended): it goes back to the head
   * of the queue, not to be routed to them again. Holds the routing lock and the chat's monitor.
   */
  void requeue(LiveChat chat, User user) {
    presence.released(user.login(), chat.id());
    figures.ended(chat.id(), clock.now());
    cluster.handled(chat, clock.now());
    queue.addFirst(
        chat,
        queuedAt -> {
          chat.session.requeue(queuedAt);
          chat.left(user.login());
          store.saveState(chat.session);
        });
    push.ended(chat.session, user.login());
  }

  /** Agent {@code user} becomes ready (chats are routed to them) or not ready. */
  @Transactional
  void ready(User user, boolean ready) {
    cluster.connect();
    synchronized (queue.lock()) {
      cluster.lockRouting();
      presence.ready(user.login(), ready, Instant.now(), clock.now());
      cluster.shareReady(user.login());
      push.presence(user.login(), ready);
      if (ready) {
        route();
      } else {
        metricsChanged.fire(QUEUES_AND_AGENTS);
      }
    }
  }

  /** The figures of {@code queue} now: waiting chats, ready agents serving it, counters. */
  @Transactional
  public ChatFigures.Queue queueFigures(String queueName) {
    GmsConfiguration config = configuration.current();
    cluster.connect();
    synchronized (queue.lock()) {
      cluster.reload();
      AgentPresence.Capacity agents =
          presence.capacity(queueName, config.get(UserSettings.class)::find);
      long[] shared = cluster.figures(queueName); // the cluster's, on PostgreSQL
      return new ChatFigures.Queue(
          queue.waiting(queueName),
          agents.readyAgents(),
          agents.readyCapacity(),
          agents.freeSlots(),
          shared != null ? shared[0] : figures.answered(queueName),
          shared != null ? shared[1] : figures.handledCount(queueName),
          shared != null ? shared[2] : figures.handledSeconds(queueName));
    }
  }
}
