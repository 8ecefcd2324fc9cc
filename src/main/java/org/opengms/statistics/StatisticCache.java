package org.opengms.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opengms.time.ServerClock;

/**
 * The last value of each statistic (object type, object id, metric) that a client peeked, with the
 * business time it was computed at. A value is computed on its first request and again only when a
 * request's {@code max-age} is exceeded, a request asks {@link NotificationMode#Reset}, or (for
 * statistics a request opened in {@link NotificationMode#Immediate}) after its engine reported a
 * change. Entries exist only for defined statistics of configured objects, so the cache is bounded
 * by the configuration.
 */
@ApplicationScoped
public class StatisticCache {

  @Inject ServerClock clock;

  private final Map<Id, Entry> entries = new ConcurrentHashMap<>();

  /** One statistic. */
  private record Id(String objectType, String objectId, String metric) {}

  /** A cached value; {@code stale} set by a change of an {@code Immediate} statistic. */
  private static final class Entry {
    final Object value;
    final Instant computedAt;
    final boolean immediate;
    volatile boolean stale;

    Entry(Object value, Instant computedAt, boolean immediate) {
      this.value = value;
      this.computedAt = computedAt;
      this.immediate = immediate;
    }
  }

  /** A value with its age in whole seconds (the {@code Age} header). */
  public record Peeked(Object value, long ageSeconds) {}

  /**
   * The value of {@code statistic}, from the cache when it is young enough. {@code maxAge} empty:
   * any cached value will do. A statistic first asked for in {@code Immediate} mode is computed
   * anew (it did not follow changes before) and follows them from then on.
   */
  public Optional<Peeked> peek(
      StatisticsProvider.Statistic statistic, Optional<Duration> maxAge, NotificationMode mode) {
    Id id = new Id(statistic.key().objectType(), statistic.objectId(), statistic.key().metric());
    Instant now = clock.now();
    Entry entry = entries.get(id);
    boolean opensImmediate =
        mode == NotificationMode.Immediate && (entry == null || !entry.immediate);
    if (entry != null
        && mode != NotificationMode.Reset
        && !opensImmediate
        && fresh(entry, now, maxAge)) {
      return Optional.of(new Peeked(entry.value, age(entry, now)));
    }
    boolean immediate = mode == NotificationMode.Immediate || (entry != null && entry.immediate);
    Optional<Object> value = statistic.compute();
    if (value.isEmpty()) {
      entries.remove(id);
      return Optional.empty();
    }
    keep(id, value.get(), now, immediate);
    return Optional.of(new Peeked(value.get(), 0));
  }

  /** Marks the {@code Immediate} values of the changed object types stale; no computing here. */
  void changed(@Observes MetricsChanged change) {
    for (Map.Entry<Id, Entry> e : entries.entrySet()) {
      if (e.getValue().immediate && change.objectTypes().contains(e.getKey().objectType())) {
        e.getValue().stale = true;
      }
    }
  }

  private Entry keep(Id id, Object value, Instant computedAt, boolean immediate) {
    Entry entry = new Entry(value, computedAt, immediate);
    entries.put(id, entry);
    return entry;
  }

  /**
   * Young enough: not stale, not computed "in the future" (the clock was moved back since), and no
   * older than {@code maxAge}.
   */
  private static boolean fresh(Entry entry, Instant now, Optional<Duration> maxAge) {
    if (entry.stale || entry.computedAt.isAfter(now)) {
      return false;
    }
    return maxAge.isEmpty() || Duration.between(entry.computedAt, now).compareTo(maxAge.get()) <= 0;
  }

  private static long age(Entry entry, Instant now) {
    return Math.max(0, Duration.between(entry.computedAt, now).toSeconds());
  }
}
