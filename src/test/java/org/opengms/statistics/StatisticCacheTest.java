package org.opengms.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengms.time.ServerClock;

/** The cache against an engine's metric source that counts how often it computes. */
class StatisticCacheTest {

  private static final MetricKey WAITING = new MetricKey("Queue", "CurrentNumberWaitingChats");

  /** An engine with one queue whose value the test sets; counts computations. */
  private static final class CountingSource implements MetricSource {
    long value;
    int computations;

    @Override
    public Map<MetricKey, String> definitions() {
      return Map.of(WAITING, "test");
    }

    @Override
    public Optional<Object> value(MetricKey key, String objectId) {
      computations++;
      return Optional.of(value);
    }

    @Override
    public Set<String> objects(String objectType) {
      return Set.of("q");
    }
  }

  private final CountingSource source = new CountingSource();
  private final StatisticsProvider.Statistic statistic =
      new StatisticsProvider.Statistic(WAITING, "q", source);
  private StatisticCache cache;
  private ServerClock clock;

  @BeforeEach
  void cache() {
    clock = new ServerClock();
    cache = new StatisticCache();
    cache.clock = clock;
  }

  private StatisticCache.Peeked peek(Optional<Duration> maxAge, NotificationMode mode) {
    return cache.peek(statistic, maxAge, mode).orElseThrow();
  }

  @Test
  void shouldComputeOnceAndAgeWithTheClockWhenNoMaxAge() {
    source.value = 3;
    assertEquals(
        new StatisticCache.Peeked(3L, 0), peek(Optional.empty(), NotificationMode.NoNotification));
    source.value = 4;
    clock.advance(Duration.ofSeconds(40));

    assertEquals(
        new StatisticCache.Peeked(3L, 40), peek(Optional.empty(), NotificationMode.NoNotification));
    assertEquals(1, source.computations);
  }

  @Test
  void shouldRecomputeWhenOlderThanMaxAge() {
    peek(Optional.empty(), NotificationMode.NoNotification);
    clock.advance(Duration.ofSeconds(10));
    Optional<Duration> maxAge = Optional.of(Duration.ofSeconds(11));

    assertEquals(10, peek(maxAge, NotificationMode.NoNotification).ageSeconds());
    assertEquals(1, source.computations);
    clock.advance(Duration.ofSeconds(2));
    assertEquals(0, peek(maxAge, NotificationMode.NoNotification).ageSeconds());
    assertEquals(2, source.computations);
  }

  @Test
  void shouldRecomputeWhenReset() {
    peek(Optional.empty(), NotificationMode.NoNotification);
    source.value = 9;

    assertEquals(new StatisticCache.Peeked(9L, 0), peek(Optional.empty(), NotificationMode.Reset));
    assertEquals(2, source.computations);
  }

  @Test
  void shouldFollowChangesOnlyOnceOpenedImmediate() {
    peek(Optional.empty(), NotificationMode.NoNotification);
    source.value = 1;
    cache.changed(new MetricsChanged(Set.of("Queue")));
    assertEquals(0L, peek(Optional.empty(), NotificationMode.NoNotification).value());

    assertEquals(
        1L, peek(Optional.empty(), NotificationMode.Immediate).value(), "opened: computed");
    assertEquals(1L, peek(Optional.empty(), NotificationMode.NoNotification).value());
    assertEquals(2, source.computations, "no change: cached");
    source.value = 2;
    cache.changed(new MetricsChanged(Set.of("Agent")));
    assertEquals(1L, peek(Optional.empty(), NotificationMode.NoNotification).value(), "other type");
    cache.changed(new MetricsChanged(Set.of("Queue", "Agent")));
    assertEquals(2L, peek(Optional.empty(), NotificationMode.NoNotification).value());
    assertEquals(3, source.computations);
  }

  @Test
  void shouldRecomputeWhenClockWasMovedBack() {
    clock.advance(Duration.ofHours(1));
    peek(Optional.empty(), NotificationMode.NoNotification);
    clock.reset();

    assertEquals(0, peek(Optional.empty(), NotificationMode.NoNotification).ageSeconds());
    assertEquals(2, source.computations);
  }
}
