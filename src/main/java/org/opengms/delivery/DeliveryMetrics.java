package org.opengms.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opengms.statistics.MetricKey;
import org.opengms.statistics.MetricSource;

/**
 * The undelivered-message counters as statistics of one object, this node ({@value #THIS_NODE}):
 * {@code gms_node_comet_queue_dropped{node="this"}} on {@code /1/metrics}. Counts since start.
 */
@ApplicationScoped
public class DeliveryMetrics implements MetricSource {

  public static final String NODE = "Node";
  static final String THIS_NODE = "this";

  private static final Map<MetricKey, String> DEFINITIONS = define();

  @Inject DeliveryCounters counters;

  private static Map<MetricKey, String> define() {
    Map<MetricKey, String> d = new LinkedHashMap<>();
    for (Undelivered reason : Undelivered.values()) {
      d.put(new MetricKey(NODE, reason.metric()), reason.description() + ", since start.");
    }
    return Map.copyOf(d);
  }

  @Override
  public Map<MetricKey, String> definitions() {
    return DEFINITIONS;
  }

  @Override
  public Set<String> objects(String objectType) {
    return NODE.equals(objectType) ? Set.of(THIS_NODE) : Set.of();
  }

  @Override
  public Optional<Object> value(MetricKey key, String objectId) {
    if (!NODE.equals(key.objectType()) || !THIS_NODE.equals(objectId)) {
      return Optional.empty();
    }
    for (Undelivered reason : Undelivered.values()) {
      if (reason.metric().equals(key.metric())) {
        return Optional.of(counters.total(reason));
      }
    }
    return Optional.empty();
  }
}
