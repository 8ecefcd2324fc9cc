package org.opengms.persistence.files;

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
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.persistence.schema.SchemaMigration;
import org.opengms.time.TimerTick;

/**
 * Deletes upload files that no stored key and no chat file refers to: left behind when the server
 * stopped between a database commit and the deletion of the files it released, or during an upload
 * whose transaction never committed. Only files older than {@code [storage] orphan_grace} are
 * looked at, so an upload still on its way to the database is never touched; referenced files are
 * never deleted, whatever their age.
 */
@Singleton
@Startup
@DependsOn(SchemaMigration.NAME) // the schema is migrated before this bean reads it
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OrphanBlobSweeper {

  private static final Logger LOG = Logger.getLogger(OrphanBlobSweeper.class.getName());

  /** Ids asked about in one query. */
  private static final int BATCH = 500;

  @Resource TimerService timers;
  @Inject @Any Instance<BlobReferences> references;
  @Inject BlobStore blobs;
  @Inject ConfigurationProvider configuration;

  private final TimerTick tick = new TimerTick(LOG, "Orphan file sweep");

  @PostConstruct
  void schedule() {
    long interval =
        configuration.current().get(BlobSettings.class).orphanSweepIntervalSeconds() * 1000L;
    timers.createIntervalTimer(interval, interval, new TimerConfig("orphan-blob-sweep", false));
  }

  /** Timer tick: one pass over the files old enough; skipped while the previous one runs. */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimer() {
    tick.run(this::sweep);
  }

  private void sweep() {
    GmsConfiguration config = configuration.current();
    Instant cutoff =
        Instant.now().minusSeconds(config.get(BlobSettings.class).orphanGraceSeconds());
    AtomicInteger deleted = new AtomicInteger();
    blobs.forEachOlderThan(
        cutoff,
        BATCH,
        ids -> {
          Set<String> referenced = new HashSet<>();
          for (BlobReferences feature : references) {
            referenced.addAll(feature.referencedBlobs(ids));
          }
          for (String id : ids) {
            if (!referenced.contains(id)) {
              blobs.delete(id);
              deleted.incrementAndGet();
            }
          }
        });
    if (deleted.get() > 0) {
      LOG.info("Deleted " + deleted.get() + " upload files no stored key refers to");
    }
  }
}
