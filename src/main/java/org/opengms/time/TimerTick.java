package org.opengms.time;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The work of a repeating EJB timer, one tick at a time: a tick that finds the previous one still
 * running is skipped (the timers of a singleton with bean-managed concurrency may overlap), and a
 * failure is logged and left to the next tick instead of reaching the container.
 */
public final class TimerTick {

  private final AtomicBoolean running = new AtomicBoolean();
  private final Logger log;
  private final String work;

  /**
   * @param log where failures go
   * @param work what the timer does, for the log, e.g. {@code "Callback scan"}
   */
  public TimerTick(Logger log, String work) {
    this.log = log;
    this.work = work;
  }

  /** Runs {@code body} unless the previous tick still runs. */
  public void run(Runnable body) {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      body.run();
    } catch (RuntimeException e) {
      log.log(Level.WARNING, work + " failed; trying again at the next tick", e);
    } finally {
      running.set(false);
    }
  }
}
