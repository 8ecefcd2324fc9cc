package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opengms.statistics.MetricKey;
import org.opengms.statistics.MetricSource;

/**
 * The callback engine's statistics: per queue {@code CurrentNumberWaitingCalls} (QUEUED callbacks),
 * per callback service ({@code CallbackService} objects) the number of callbacks in each state
 * ({@code CallbacksScheduled}, {@code CallbacksQueued}, ...).
 */
@ApplicationScoped
public class CallbackMetrics implements MetricSource {

  static final String QUEUE = "Queue";
  static final String SERVICE = "CallbackService";
  static final MetricKey WAITING = new MetricKey(QUEUE, "CurrentNumberWaitingCalls");

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
    var services = configuration.current().services().services().values();
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
}
