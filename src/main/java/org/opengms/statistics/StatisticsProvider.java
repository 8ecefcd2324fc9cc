package org.opengms.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

/**
 * Finds the {@link MetricSource}s every engine offers and answers values from them, computed now.
 * The Stat Server API reads through {@link StatisticCache}; engines that decide with statistics
 * read {@link #current} directly.
 */
@ApplicationScoped
public class StatisticsProvider implements Statistics {

  @Inject @Any Instance<MetricSource> sources;

  /**
   * The metric keys and the sources defining them, found once (beans do not come and go). Two
   * engines may define the same metric for different objects (chat and callback queues): the first
   * source that knows the object answers, sources of higher {@link MetricSource#precedence} first.
   */
  private volatile Map<MetricKey, List<MetricSource>> index;

  /** Where a defined statistic is computed. */
  public record Statistic(MetricKey key, String objectId, MetricSource source) {

    /** The value computed now, empty when the object has gone since it was resolved. */
    public Optional<Object> compute() {
      return source.value(key, objectId);
    }
  }

  @Override
  public Optional<Object> current(String objectType, String objectId, String metric) {
    return find(objectType, objectId, metric).flatMap(Statistic::compute);
  }

  /** The statistic, when some source defines the metric and knows the object. */
  public Optional<Statistic> find(String objectType, String objectId, String metric) {
    MetricKey key = new MetricKey(objectType, metric);
    if (objectId == null) {
      return Optional.empty();
    }
    return index().getOrDefault(key, List.of()).stream()
        .filter(s -> s.objects(objectType).contains(objectId))
        .findFirst()
        .map(source -> new Statistic(key, objectId, source));
  }

  /** Whether any source has objects of this type (Queue, Agent, ...). */
  public boolean knowsType(String objectType) {
    return index().keySet().stream().anyMatch(k -> k.objectType().equals(objectType));
  }

  /** Whether any source knows this object, whatever the metric. */
  public boolean knowsObject(String objectType, String objectId) {
    return sourcesOf(objectType).stream().anyMatch(s -> s.objects(objectType).contains(objectId));
  }

  /** Every metric with its definition, sorted by object type and name. */
  public Map<MetricKey, String> definitions() {
    Map<MetricKey, String> all =
        new java.util.TreeMap<>(
            java.util.Comparator.comparing(MetricKey::objectType).thenComparing(MetricKey::metric));
    all().forEach(s -> all.putAll(s.definitions()));
    return all;
  }

  /** The objects of a type over all sources, sorted. */
  public Set<String> objects(String objectType) {
    Set<String> objects = new TreeSet<>();
    sourcesOf(objectType).forEach(s -> objects.addAll(s.objects(objectType)));
    return objects;
  }

  private List<MetricSource> sourcesOf(String objectType) {
    return index().entrySet().stream()
        .filter(e -> e.getKey().objectType().equals(objectType))
        .flatMap(e -> e.getValue().stream())
        .distinct()
        .toList();
  }

  private List<MetricSource> all() {
    return StreamSupport.stream(sources.spliterator(), false).toList();
  }

  private Map<MetricKey, List<MetricSource>> index() {
    Map<MetricKey, List<MetricSource>> known = index;
    if (known == null) {
      Map<MetricKey, List<MetricSource>> built = new LinkedHashMap<>();
      for (MetricSource source : all()) {
        source
            .definitions()
            .keySet()
            .forEach(k -> built.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(source));
      }
      built.replaceAll(
          (k, v) ->
              v.stream()
                  .sorted(java.util.Comparator.comparingInt(MetricSource::precedence).reversed())
                  .toList());
      known = Map.copyOf(built);
      index = known;
    }
    return known;
  }
}
