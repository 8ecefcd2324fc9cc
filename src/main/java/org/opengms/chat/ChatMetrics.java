package org.opengms.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opengms.agent.AgentPresence;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.security.User;
import org.opengms.security.UserSettings;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;
import org.opengms.statistics.MetricKey;
import org.opengms.statistics.MetricSource;
import org.opengms.statistics.StatisticsSettings;
import org.opengms.time.ServerClock;

/**
 * The chat engine's statistics. Queues are those the configuration names (agents' {@code queues},
 * chat services' {@code _queue}, and {@code default}); agents are the {@code [user.*]} logins with
 * role {@code agent}. Times are whole seconds of business time ({@link ServerClock}); counters
 * count since the server started.
 */
@ApplicationScoped
public class ChatMetrics implements MetricSource {

  public static final String QUEUE = "Queue";
  public static final String AGENT = "Agent";
  static final String DEFAULT_QUEUE = "default";

  private static final Map<MetricKey, String> DEFINITIONS = define();

  @Inject ChatRouter router;
  @Inject AgentPresence presence;
  @Inject ConfigurationProvider configuration;
  @Inject ServerClock clock;

  private static Map<MetricKey, String> define() {
    Map<MetricKey, String> d = new LinkedHashMap<>();
    d.put(
        new MetricKey(QUEUE, "ExpectedWaitTime"),
        "Seconds a chat entering the queue now is expected to wait: 0 while an agent slot is free,"
            + " else ceil((waiting chats + 1 - free slots) x average handle time / ready agents'"
            + " max_chats), with one slot assumed when no agent is ready and [statistics]"
            + " default_handle_time before any chat ended.");
    d.put(
        new MetricKey(QUEUE, "CurrentNumberWaitingChats"),
        "Chats of the queue waiting for an agent.");
    d.put(
        new MetricKey(QUEUE, "CurrentNumberReadyAgents"),
        "Ready agents serving the queue who can take one more chat (below their max_chats).");
    d.put(
        new MetricKey(QUEUE, "AverageHandleTime"),
        "Average seconds an agent handled a chat of the queue (assignment to end or leave), over"
            + " the chats ended since the server started; 0 before the first.");
    d.put(
        new MetricKey(QUEUE, "TotalNumberAnswered"),
        "Chats of the queue given to an agent since the server started.");
    d.put(
        new MetricKey(AGENT, "CurrentState"),
        "LoggedOut (no presence since the server started), NotReady, Ready (can take a chat), or"
            + " Busy (ready, at max_chats).");
    d.put(
        new MetricKey(AGENT, "TotalLoginTime"),
        "Seconds since the agent's first presence change (ready or not-ready) since the server"
            + " started; 0 while logged out.");
    d.put(new MetricKey(AGENT, "CurrentNumberChats"), "Chats assigned to the agent now.");
    return Map.copyOf(d);
  }

  @Override
  public Map<MetricKey, String> definitions() {
    return DEFINITIONS;
  }

  @Override
  public Set<String> objects(String objectType) {
    GmsConfiguration config = configuration.current();
    return switch (objectType) {
      case QUEUE -> queues(config);
      case AGENT -> agents(config).keySet();
      default -> Set.of();
    };
  }

  @Override
  public Optional<Object> value(MetricKey key, String objectId) {
    if (!DEFINITIONS.containsKey(key)) {
      return Optional.empty();
    }
    GmsConfiguration config = configuration.current();
    if (key.objectType().equals(QUEUE)) {
      return queues(config).contains(objectId)
          ? Optional.of(queueValue(key.metric(), router.queueFigures(objectId), config))
          : Optional.empty();
    }
    User agent = agents(config).get(objectId);
    return agent == null
        ? Optional.empty()
        : Optional.of(agentValue(key.metric(), presence.state(objectId, agent.maxChats())));
  }

  private Object queueValue(String metric, ChatFigures.Queue q, GmsConfiguration config) {
    return switch (metric) {
      case "CurrentNumberWaitingChats" -> (long) q.waiting();
      case "CurrentNumberReadyAgents" -> (long) q.readyAgents();
      case "TotalNumberAnswered" -> q.answered();
      case "AverageHandleTime" ->
          q.handled() == 0 ? 0L : Math.round((double) q.handleSeconds() / q.handled());
      case "ExpectedWaitTime" ->
          expectedWait(q, config.get(StatisticsSettings.class).defaultHandleTimeSeconds());
      default -> throw new IllegalArgumentException(metric);
    };
  }

  /** See the definition of ExpectedWaitTime. */
  static long expectedWait(ChatFigures.Queue q, int defaultHandleSeconds) {
    long ahead = q.waiting() + 1L - q.freeSlots();
    if (ahead <= 0) {
      return 0;
    }
    double handle =
        q.handled() == 0 ? defaultHandleSeconds : (double) q.handleSeconds() / q.handled();
    return (long) Math.ceil(ahead * handle / Math.max(1, q.readyCapacity()));
  }

  private Object agentValue(String metric, AgentPresence.State a) {
    return switch (metric) {
      case "CurrentState" -> a.state();
      case "CurrentNumberChats" -> (long) a.chats();
      case "TotalLoginTime" ->
          a.loggedInSince() == null
              ? 0L
              : Math.max(0, Duration.between(a.loggedInSince(), clock.now()).toSeconds());
      default -> throw new IllegalArgumentException(metric);
    };
  }

  private static Set<String> queues(GmsConfiguration config) {
    Set<String> queues = new TreeSet<>();
    queues.add(DEFAULT_QUEUE);
    agents(config).values().forEach(u -> queues.addAll(u.queues()));
    for (ServiceDefinition s : config.get(ServiceCatalog.class).services().values()) {
      if (s.isBuiltin(BuiltinService.REQUEST_CHAT)
          || s.isBuiltin(BuiltinService.REQUEST_CHAT_POLL)) {
        s.option("_queue").ifPresent(queues::add);
      }
    }
    return queues;
  }

  private static Map<String, User> agents(GmsConfiguration config) {
    Map<String, User> agents = new LinkedHashMap<>();
    config
        .get(UserSettings.class)
        .all()
        .forEach(
            (login, u) -> {
              if (u.hasRole("agent")) {
                agents.put(login, u);
              }
            });
    return agents;
  }
}
