package org.opengms.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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

  /**
   * Per object type, how many changes its engines reported: an {@code Immediate} value computed at
   * an older count is stale. Read before computing, so a change during the computation is not lost.
   */
  private final Map<String, AtomicLong> changes = new ConcurrentHashMap<>();

  /** One statistic. */
  private record Id(String objectType, String objectId, String metric) {}

  /** A cached value, with the change count of its object type when it was computed. */
  private record Entry(Object value, Instant computedAt, boolean immediate, long changeCount) {}

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
    long changeCount = changeCount(id.objectType());
    Entry entry = entries.get(id);
    boolean opensImmediate =
        mode == NotificationMode.Immediate && (entry == null || !entry.immediate());
    if (entry != null
        && mode != NotificationMode.Reset
        && !opensImmediate
        && fresh(entry, now, maxAge, changeCount)) {
      return Optional.of(new Peeked(entry.value(), age(entry, now)));
    }
    boolean immediate = mode == NotificationMode.Immediate || (entry != null && entry.immediate());
    Optional<Object> value = statistic.compute();
    if (value.isEmpty()) {
      entries.remove(id);
      return Optional.empty();
    }
    entries.put(id, new Entry(value.get(), now, immediate, changeCount));
    return Optional.of(new Peeked(value.get(), 0));
  }

  /** Counts a change: one increment per object type, no computing and no scan of the cache. */
  void changed(@Observes MetricsChanged change) {
    change
        .objectTypes()
        .forEach(t -> changes.computeIfAbsent(t, k -> new AtomicLong()).incrementAndGet());
  }

  private long changeCount(String objectType) {
    AtomicLong count = changes.get(objectType);
    return count == null ? 0 : count.get();
  }

  /**
   * Young enough: no change since (for {@code Immediate} values), not computed "in the future" (the
   * clock was moved back since), and no older than {@code maxAge}.
   */
  private static boolean fresh(
      Entry entry, Instant now, Optional<Duration> maxAge, long changeCount) {
    if ((entry.immediate() && entry.changeCount() != changeCount)
        || entry.computedAt().isAfter(now)) {
      return false;
    }
    return maxAge.isEmpty()
        || Duration.between(entry.computedAt(), now).compareTo(maxAge.get()) <= 0;
  }

  private static long age(Entry entry, Instant now) {
    return Math.max(0, Duration.between(entry.computedAt(), now).toSeconds());
  }
}
