package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opengms.security.UserSettings;
import org.opengms.service.ServiceCatalog;
import org.opengms.statistics.MetricKey;
import org.opengms.statistics.MetricSource;
import org.opengms.statistics.StatisticsSettings;

/**
 * The callback engine's statistics: per queue {@code CurrentNumberWaitingCalls} (QUEUED callbacks),
 * per callback service ({@code CallbackService} objects) the number of callbacks in each state
 * ({@code CallbacksScheduled}, {@code CallbacksQueued}, ...), and per queue {@code
 * ExpectedWaitTime} and {@code AverageHandleTime} estimated like the chat engine's (handle times in
 * memory, since the server started). A queue both chats and callbacks use is answered by this
 * source ({@link #precedence}): callbacks are calls, and the callback engine reads this estimate to
 * decide immediate vs scheduled.
 */
@ApplicationScoped
public class CallbackMetrics implements MetricSource {

  static final String QUEUE = "Queue";
  static final String SERVICE = "CallbackService";
  static final MetricKey WAITING = new MetricKey(QUEUE, "CurrentNumberWaitingCalls");
  static final MetricKey EWT = new MetricKey(QUEUE, "ExpectedWaitTime");
  static final MetricKey AHT = new MetricKey(QUEUE, "AverageHandleTime");

  /** Accept times of callbacks agents are handling (id → accepted at). */
  private final Map<String, java.time.Instant> handling =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Per queue {handled callbacks, handle seconds}, guarded by itself. */
  private final Map<String, long[]> handled = new java.util.HashMap<>();

  @jakarta.inject.Inject org.opengms.agent.AgentPresence presence;

  @EJB CallbackStore store;
  @jakarta.inject.Inject org.opengms.config.ConfigurationProvider configuration;

  private static MetricKey stateKey(CallbackState s) {
    String name = s.name().charAt(0) + s.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    return new MetricKey(SERVICE, "Callbacks" + name);
  }

  @Override
  public Map<MetricKey, String> definitions() {
    Map<MetricKey, String> d = new LinkedHashMap<>();
    d.put(WAITING, "Callbacks QUEUED in the queue (waiting for an agent)");
    d.put(
        EWT,
        "Seconds a callback entering the queue now is expected to wait: 0 while a ready agent"
            + " serving it handles no callback, else ceil((queued callbacks + 1 - free agents) x"
            + " average handle time / ready agents), one agent assumed when none is ready and"
            + " [statistics] default_handle_time before any callback was completed.");
    d.put(
        AHT,
        "Average seconds from an agent's accept to the completion of the queue's callbacks, over"
            + " those completed since the server started; 0 before the first.");
    for (CallbackState s : CallbackState.values()) {
      d.put(stateKey(s), "Callbacks of the callback service in state " + s.name());
    }
    return d;
  }

  @Override
  public Optional<Object> value(MetricKey key, String objectId) {
    if (key.equals(WAITING)) {
      return Optional.of(store.countInQueue(objectId, CallbackState.QUEUED));
    }
    if (key.equals(EWT)) {
      return Optional.of(expectedWait(objectId));
    }
    if (key.equals(AHT)) {
      long[] h = handledOf(objectId);
      return Optional.of(h[0] == 0 ? 0L : Math.round((double) h[1] / h[0]));
    }
    for (CallbackState s : CallbackState.values()) {
      if (key.equals(stateKey(s))) {
        return Optional.of(store.count(objectId, s));
      }
    }
    return Optional.empty();
  }

  @Override
  public Set<String> objects(String objectType) {
    Set<String> ids = new HashSet<>();
    var services = configuration.current().get(ServiceCatalog.class).services().values();
    if (QUEUE.equals(objectType)) {
      // the queues of configured callback services (0 waiting is a value too), and any other
      // queue requests named (_urs_virtual_queue) that has callbacks waiting
      services.stream()
          .filter(d -> org.opengms.service.BuiltinService.CALLBACK.equals(d.service()))
          .map(d -> d.option("_urs_virtual_queue").orElse(d.name()))
          .filter(q -> !q.contains("$"))
          .forEach(ids::add);
      ids.addAll(store.countByQueue(CallbackState.QUEUED).keySet());
    } else if (SERVICE.equals(objectType)) {
      services.stream()
          .filter(d -> org.opengms.service.BuiltinService.CALLBACK.equals(d.service()))
          .forEach(d -> ids.add(d.name()));
      for (Object[] row : store.countByServiceAndState()) {
        ids.add((String) row[0]);
      }
    }
    return ids;
  }

  @Override
  public int precedence() {
    return 1;
  }

  /** See the definition of ExpectedWaitTime. */
  long expectedWait(String queue) {
    long waiting = store.countInQueue(queue, CallbackState.QUEUED);
    long inProgress =
        store.countInQueue(queue, CallbackState.ROUTING)
            + store.countInQueue(queue, CallbackState.PROCESSING);
    int ready =
        presence
            .capacity(queue, configuration.current().get(UserSettings.class)::find)
            .readyAgents();
    long[] h = handledOf(queue);
    int defaultHandle =
        configuration.current().get(StatisticsSettings.class).defaultHandleTimeSeconds();
    return expectedWait(waiting, ready, inProgress, h[0], h[1], defaultHandle);
  }

  static long expectedWait(
      long waiting,
      int readyAgents,
      long inProgress,
      long handled,
      long handleSeconds,
      int defaultHandleSeconds) {
    long free = Math.max(0, readyAgents - inProgress);
    long ahead = waiting + 1 - free;
    if (ahead <= 0) {
      return 0;
    }
    double handle = handled == 0 ? defaultHandleSeconds : (double) handleSeconds / handled;
    return (long) Math.ceil(ahead * handle / Math.max(1, readyAgents));
  }

  private long[] handledOf(String queue) {
    synchronized (handled) {
      long[] h = handled.get(queue);
      return h == null ? new long[2] : h.clone();
    }
  }

  /** An agent took the callback (its updated time is the accept). */
  void accepted(Callback c) {
    handling.put(c.getId(), c.getUpdatedAt());
  }

  /** The callback ended: one handled by an agent adds its accept → completion time. */
  void ended(Callback c) {
    java.time.Instant since = handling.remove(c.getId());
    if (since == null || c.getQueue() == null) {
      return;
    }
    long seconds = Math.max(0, java.time.Duration.between(since, c.getUpdatedAt()).toSeconds());
    synchronized (handled) {
      long[] h = handled.computeIfAbsent(c.getQueue(), q -> new long[2]);
      h[0]++;
      h[1] += seconds;
    }
  }
}
