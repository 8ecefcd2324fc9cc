package org.opengms.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opengms.config.ConfigurationProvider;

/**
 * Deletes expired storage areas and their files, a bounded batch per transaction, on an EJB timer.
 * Expiry times are stored, so areas created before a restart are swept after it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StorageSweeper {

  private static final Logger LOG = Logger.getLogger(StorageSweeper.class.getName());

  /** Batches per tick at most, so one tick cannot run for long after a mass expiry. */
  private static final int MAX_BATCHES_PER_TICK = 50;

  @Resource TimerService timers;
  @EJB StorageService storage;
  @Inject BlobStore blobs;
  @Inject ConfigurationProvider configuration;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    long interval = configuration.current().storage().sweepIntervalSeconds() * 1000L;
    timers.createIntervalTimer(interval, interval, new TimerConfig("storage-sweep", false));
  }

  /** Timer tick: sweep; skipped while the previous tick is still running. */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimer() {
    if (running.compareAndSet(false, true)) {
      try {
        sweep();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Storage sweep failed; retrying at the next tick", e);
      } finally {
        running.set(false);
      }
    }
  }

  private void sweep() {
    int batch = configuration.current().storage().sweepBatchSize();
    for (int i = 0; i < MAX_BATCHES_PER_TICK; i++) {
      StorageService.SweepResult result = storage.deleteExpired(batch);
      blobs.deleteAll(result.blobs());
      if (result.areas() < batch) {
        return;
      }
    }
  }
}
