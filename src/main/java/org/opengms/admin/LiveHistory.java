package org.opengms.admin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.opengms.time.TimerTick;

/**
 * The live view's last hour: the totals sampled once a minute into a ring of 60, in memory (a
 * restart starts a new hour; each node keeps its own).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LiveHistory {

  private static final Logger LOG = Logger.getLogger(LiveHistory.class.getName());

  static final long INTERVAL_MS = 60_000;
  static final int SAMPLES = 60;

  @Resource TimerService timers;
  @Inject LiveFigures figures;

  private final SampleRing<LiveSnapshot.Sample> ring = new SampleRing<>(SAMPLES);
  private final TimerTick tick = new TimerTick(LOG, "Live view sample");

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(INTERVAL_MS, INTERVAL_MS, new TimerConfig("live-sample", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimer() {
    tick.run(() -> ring.add(figures.now().totals()));
  }

  /** The snapshot now with the samples of the last hour. */
  public LiveSnapshot snapshot() {
    LiveSnapshot now = figures.now();
    return new LiveSnapshot(now.at(), now.queues(), now.agents(), now.totals(), history());
  }

  List<LiveSnapshot.Sample> history() {
    return ring.all();
  }
}
