package org.opengms.expiry;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opengms.config.ConfigurationProvider;
import org.opengms.persistence.schema.SchemaMigration;
import org.opengms.time.TimerTick;

/**
 * Deletes expired data (storage areas with their files, services, ...) on an EJB timer, a bounded
 * batch per transaction. Readers already treat expired data as gone; this reclaims the space.
 * Expiry instants are stored, so data created before a restart is swept after it.
 */
@Singleton
@Startup
@DependsOn(SchemaMigration.NAME) // the schema is migrated before this bean reads it
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExpirySweeper {

  private static final Logger LOG = Logger.getLogger(ExpirySweeper.class.getName());

  /** Batches per kind and tick at most, so one tick cannot run for long after a mass expiry. */
  private static final int MAX_BATCHES_PER_TICK = 50;

  @Resource TimerService timers;
  @Inject @Any Instance<ExpiringData> kinds;
  @Inject ConfigurationProvider configuration;

  private final TimerTick tick = new TimerTick(LOG, "Expiry sweep");

  @PostConstruct
  void schedule() {
    long interval =
        configuration.current().get(ExpirySettings.class).sweepIntervalSeconds() * 1000L;
    timers.createIntervalTimer(interval, interval, new TimerConfig("expiry-sweep", false));
  }

  /** Timer tick: sweep; skipped while the previous tick is still running. */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimer() {
    tick.run(
        () -> {
          int batch = configuration.current().get(ExpirySettings.class).sweepBatchSize();
          for (ExpiringData kind : kinds) {
            sweep(kind, batch);
          }
        });
  }

  private static void sweep(ExpiringData kind, int batch) {
    try {
      for (int i = 0; i < MAX_BATCHES_PER_TICK; i++) {
        if (kind.deleteExpiredBatch(batch) < batch) {
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Expiry sweep of " + kind + " failed; retrying at the next tick", e);
    }
  }
}
