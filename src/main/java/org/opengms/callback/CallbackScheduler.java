package org.opengms.callback;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.persistence.schema.SchemaMigration;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;
import org.opengms.time.ServerClock;
import org.opengms.time.TimerTick;

/**
 * Starts scheduled callbacks when due, ends those past their {@code _ttl}, and retries ORS
 * submissions. The database is the source of truth: every {@code [callback] scan_interval} an
 * indexed query finds what is due by {@link ServerClock} (so moving the clock makes callbacks due)
 * and each is moved under a row lock, exactly once. A restart, a lost timer or a second node
 * therefore never loses nor doubles a callback: the first scan after start-up finds everything that
 * fell due meanwhile. (No persistent EJB timer per callback: Payara Micro has no persistent timer
 * store, and 100k timers would be re-armed at every start-up for nothing.)
 */
@Singleton
@Startup
@DependsOn(SchemaMigration.NAME) // the schema is migrated before this bean reads it
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CallbackScheduler {

  private static final Logger LOG = Logger.getLogger(CallbackScheduler.class.getName());

  /** Full batches in a row before a tick yields to the next one. */
  private static final int MAX_ROUNDS = 20;

  @Resource TimerService timers;
  @EJB CallbackStore store;
  @EJB CallbackEngine engine;
  @Inject CallbackService callbacks;
  @Inject CallbackExecution execution;
  @Inject CallbackNotifier notifier;
  @Inject ConfigurationProvider configuration;
  @Inject ServerClock clock;

  private final TimerTick tick = new TimerTick(LOG, "Callback scan");

  @PostConstruct
  void schedule() {
    long interval =
        configuration.current().get(CallbackSettings.class).scanIntervalSeconds() * 1000L;
    timers.createIntervalTimer(interval, interval, new TimerConfig("callback-scan", false));
  }

  /** Timer tick; skipped while the previous tick still runs. */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimer() {
    tick.run(this::scan);
  }

  void scan() {
    GmsConfiguration config = configuration.current();
    int batch = config.get(CallbackSettings.class).scanBatch();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Instant now = clock.now();
      List<String> due = store.dueIds(now, batch);
      for (String id : due) {
        startDue(config, id, now);
      }
      if (due.size() < batch) {
        break;
      }
    }
    Instant now = clock.now();
    for (String id : store.expiredIds(now, batch)) {
      engine.expire(id, now).ifPresent(c -> notifier.status(c, "_cbe_on_service_exit"));
    }
    for (String id : store.submitDueIds(clock.now(), batch)) {
      execution.submit(id);
    }
    followPauseLists(config);
  }

  /** Pause lists: QUEUED ↔ PAUSED as each service's list says now. */
  private void followPauseLists(GmsConfiguration config) {
    for (ServiceDefinition d : config.get(ServiceCatalog.class).services().values()) {
      if (!org.opengms.service.BuiltinService.CALLBACK.equals(d.service())
          || d.option("_paused_services_list").isEmpty()) {
        continue;
      }
      boolean paused =
          CallbackPauses.isPaused(
              config,
              CallbackOptions.of(d, java.util.Map.of(), config.get(CallbackSettings.class)));
      engine.pause(d.name(), paused, ServiceDefinition.ORS.equals(d.type()), clock.now());
    }
  }

  private void startDue(GmsConfiguration config, String id, Instant now) {
    try {
      Callback c = store.find(id).orElse(null);
      if (c == null) {
        return;
      }
      ServiceDefinition definition =
          config.get(ServiceCatalog.class).find(c.getServiceName()).orElse(null);
      boolean ors = definition != null && ServiceDefinition.ORS.equals(definition.type());
      boolean paused =
          definition != null
              && CallbackPauses.isPaused(
                  config,
                  CallbackOptions.of(
                      definition, c.properties(), config.get(CallbackSettings.class)));
      engine.makeDue(id, now, ors, paused).ifPresent(callbacks::afterStateChange);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Callback " + id + " not started; next scan retries", e);
    }
  }
}
