package org.opengms.chat.files;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.persistence.files.BlobStore;
import org.opengms.persistence.schema.SchemaMigration;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;
import org.opengms.time.TimerTick;

/**
 * Removes the files of chats that ended longer than their {@code file_retention} ago, every {@code
 * [chat] file_sweep_interval}. It works from the database alone (a chat's end time, the files'
 * rows), so a restart loses nothing: what was due while the server was down goes at the first tick.
 * Rows are marked deleted first; the bytes go once that committed (a crash in between leaves files
 * the orphan sweep removes).
 */
@Singleton
@Startup
@DependsOn(SchemaMigration.NAME) // the schema is migrated before this bean reads it
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChatFileRetention {

  private static final Logger LOG = Logger.getLogger(ChatFileRetention.class.getName());
  private static final int BATCH = 200;

  @Resource TimerService timers;
  @EJB ChatFileStore store;
  @Inject BlobStore blobs;
  @Inject ConfigurationProvider configuration;

  private final TimerTick tick = new TimerTick(LOG, "Chat file retention sweep");

  @PostConstruct
  void schedule() {
    long interval =
        configuration.current().get(ChatFileSettings.class).sweepIntervalSeconds() * 1000L;
    timers.createIntervalTimer(interval, interval, new TimerConfig("chat-file-retention", false));
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimer() {
    tick.run(this::sweep);
  }

  private void sweep() {
    GmsConfiguration config = configuration.current();
    Instant now = Instant.now();
    int removed = 0;
    Set<String> names = config.get(ServiceCatalog.class).services().keySet();
    for (ServiceDefinition service : config.get(ServiceCatalog.class).services().values()) {
      ChatFileLimits limits = config.get(ChatFileSettings.class).limits(Optional.of(service));
      removed += drain(service.name(), names, now.minusSeconds(limits.retentionSeconds()));
    }
    int retention = config.get(ChatFileSettings.class).limits().retentionSeconds();
    removed += drain(null, names, now.minusSeconds(retention));
    if (removed > 0) {
      LOG.info("Removed " + removed + " chat files past their retention");
    }
  }

  private int drain(String service, Set<String> configured, Instant cutoff) {
    int total = 0;
    for (List<String> batch = store.expire(service, configured, cutoff, BATCH);
        !batch.isEmpty();
        batch = store.expire(service, configured, cutoff, BATCH)) {
      blobs.deleteAll(batch);
      total += batch.size();
    }
    return total;
  }
}
