package org.opengms.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Counts every message the server accepted but did not hand to a client, by reason, so nothing is
 * dropped in silence: the counts are on {@code /1/metrics} and the Stat Server API (object type
 * {@value DeliveryMetrics#NODE}), and each reason is logged at most once a minute with how many
 * happened since its last line (a log line per message would flood the log under load).
 */
@ApplicationScoped
public class DeliveryCounters {

  private static final Logger LOG = Logger.getLogger(DeliveryCounters.class.getName());
  private static final long LOG_EVERY_NANOS = 60_000_000_000L;

  private final Map<Undelivered, LongAdder> totals = new EnumMap<>(Undelivered.class);
  private final Map<Undelivered, LongAdder> sinceLog = new EnumMap<>(Undelivered.class);
  private final Map<Undelivered, AtomicLong> lastLog = new EnumMap<>(Undelivered.class);

  public DeliveryCounters() {
    for (Undelivered reason : Undelivered.values()) {
      totals.put(reason, new LongAdder());
      sinceLog.put(reason, new LongAdder());
      lastLog.put(reason, new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS));
    }
  }

  /**
   * One message not delivered for {@code reason}; {@code detail} says which (tag, session, ...).
   */
  public void count(Undelivered reason, String detail) {
    totals.get(reason).increment();
    sinceLog.get(reason).increment();
    AtomicLong last = lastLog.get(reason);
    long now = System.nanoTime();
    long previous = last.get();
    if (now - previous >= LOG_EVERY_NANOS && last.compareAndSet(previous, now)) {
      long count = sinceLog.get(reason).sumThenReset();
      LOG.warning(
          () -> reason.description() + ": " + count + " in the last minute, latest " + detail);
    }
  }

  /** Messages not delivered for {@code reason} since the server started. */
  public long total(Undelivered reason) {
    return totals.get(reason).sum();
  }
}
