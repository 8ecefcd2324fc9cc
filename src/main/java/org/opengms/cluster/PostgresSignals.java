package org.opengms.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Signals through PostgreSQL {@code LISTEN/NOTIFY} on channel {@value #CHANNEL}; a payload is
 * {@code <topic> <sending node> <id>}. Sending uses the caller's pooled connection (so it waits for
 * the commit); listening holds one connection of its own, outside the pool, on one thread. When
 * that connection breaks the thread reconnects with a backoff of 0.5 s doubling up to 30 s, and
 * fires {@link Signal.Topic#RESYNC} once listening again. Receivers run on the container's
 * executor, at most {@value #IN_FLIGHT} at once: beyond that the listener waits (PostgreSQL queues
 * meanwhile).
 */
final class PostgresSignals implements ClusterSignals {

  static final String CHANNEL = "gms_signals";

  /** {@code application_name} of the listening connections, followed by the node's id. */
  static final String APPLICATION_NAME = "gms-cluster-signals";

  private static final Logger LOG = Logger.getLogger(PostgresSignals.class.getName());
  private static final int IN_FLIGHT = 256;
  private static final int POLL_MILLIS = 5_000;
  private static final long MAX_BACKOFF_MILLIS = 30_000;

  /** PostgreSQL refuses payloads of 8000 bytes or more. */
  private static final int MAX_PAYLOAD = 7_999;

  private final String node;
  private final SignalSender sender;
  private final Supplier<Connection> connections;
  private final Consumer<Runnable> executor;
  private final Consumer<Signal> receivers;
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private volatile boolean running = true;
  private volatile boolean listening;
  private volatile Connection current;
  private Thread thread;
  private volatile boolean others;
  private volatile long othersCheckedAt = System.nanoTime() - TimeUnit.SECONDS.toNanos(2);

  /**
   * @param connections opens a new physical connection (not from the pool) to the database
   * @param executor runs a receiver on a container thread
   * @param receivers hands one signal to this node's observers
   */
  PostgresSignals(
      String node,
      SignalSender sender,
      Supplier<Connection> connections,
      Consumer<Runnable> executor,
      Consumer<Signal> receivers) {
    this.node = node;
    this.sender = sender;
    this.connections = connections;
    this.executor = executor;
    this.receivers = receivers;
  }

  void start(ThreadFactory threads) {
    thread = threads.newThread(this::listen);
    thread.setName("gms-cluster-signals");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() {
    running = false;
    Connection c = current;
    if (c != null) {
      try {
        c.close(); // wakes the listener out of its wait
      } catch (SQLException e) {
        LOG.log(Level.FINE, "closing the listener connection", e);
      }
    }
    if (thread != null) {
      thread.interrupt();
    }
  }

  boolean listening() {
    return listening;
  }

  @Override
  public void send(Signal.Topic topic, String id) {
    String payload = topic.name() + " " + node + " " + id;
    if (payload.length() > MAX_PAYLOAD) {
      throw new IllegalArgumentException("signal id too long for NOTIFY: " + id.length());
    }
    sender.send(CHANNEL, payload);
  }

  @Override
  public boolean othersListening() {
    long now = System.nanoTime();
    if (now - othersCheckedAt > TimeUnit.SECONDS.toNanos(1)) {
      others = sender.listeners(APPLICATION_NAME + " %", APPLICATION_NAME + " " + node) > 0;
      othersCheckedAt = now;
    }
    return others;
  }

  private void listen() {
    long backoff = 500;
    while (running) {
      try (Connection c = connections.get()) {
        current = c;
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        listening = true;
        backoff = 500;
        LOG.info(() -> "Cluster signals: listening on " + CHANNEL + " as node " + node);
        dispatch(new Signal(Signal.Topic.RESYNC, ""));
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] received = pg.getNotifications(POLL_MILLIS);
          if (received == null || received.length == 0) {
            try (Statement s = c.createStatement()) {
              s.execute("select 1"); // a silent network loss shows up here, not in the wait
            }
            continue;
          }
          for (PGNotification n : received) {
            parse(n.getParameter());
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          break;
        }
        long wait = backoff;
        LOG.log(
            Level.WARNING,
            "Cluster signals: listener connection lost, retrying in " + wait + " ms: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        listening = false;
        current = null;
      }
      if (!sleep(backoff)) {
        break;
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
    }
  }

  private boolean sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
      return running;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void parse(String payload) throws InterruptedException {
    String[] parts = payload.split(" ", 3);
    if (parts.length < 3 || parts[1].equals(node)) {
      return; // ours (acted on when sent), or not a signal of this version
    }
    var topic = Signal.Topic.parse(parts[0]);
    if (topic.isEmpty()) {
      LOG.fine(() -> "Cluster signals: unknown topic " + parts[0]);
      return;
    }
    dispatch(new Signal(topic.get(), parts[2]));
  }

  private void dispatch(Signal signal) throws InterruptedException {
    inFlight.acquire();
    try {
      executor.accept(
          () -> {
            try {
              receivers.accept(signal);
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "Cluster signal " + signal + " failed", e);
            } finally {
              inFlight.release();
            }
          });
    } catch (RuntimeException e) {
      inFlight.release();
      LOG.log(Level.WARNING, "Cluster signal " + signal + " not dispatched", e);
    }
  }
}
