package org.opengms.notification;

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
import java.util.logging.Logger;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.persistence.schema.SchemaMigration;
import org.opengms.time.TimerTick;

/** Retries due outbox entries every second (entries survive restarts; the timer is re-created). */
@Singleton
@Startup
@DependsOn(SchemaMigration.NAME) // the schema is migrated before this bean reads it
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxWorker {

  private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
  private static final int BATCH = 50;

  @Resource TimerService timers;
  @EJB Outbox outbox;
  @Inject Channels channels;
  @Inject ConfigurationProvider configuration;
  @Inject Notifications notifications;

  private final TimerTick tick = new TimerTick(LOG, "Outbox retry");

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(1000, 1000, new TimerConfig("notification-outbox", false));
  }

  /** Timer tick: retry what is due; skipped while the previous tick still runs. */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void onTimer() {
    tick.run(this::retryDue);
  }

  private void retryDue() {
    GmsConfiguration config = configuration.current();
    for (Delivery d : outbox.due(Instant.now(), BATCH)) {
      DeliveryResult result =
          channels
              .of(d.target().type())
              .map(c -> c.deliver(d))
              .orElse(DeliveryResult.failed("no channel " + d.target().type()));
      if (result.delivered()) {
        outbox.delivered(d.eventId());
      } else if (result.outcome() == DeliveryResult.Outcome.DEVICE_GONE) {
        notifications.deviceGone(d.target(), result.error());
        outbox.giveUp(d.eventId(), result.error());
      } else if (result.outcome() == DeliveryResult.Outcome.REJECTED) {
        outbox.giveUp(d.eventId(), result.error());
      } else {
        outbox.failed(
            d.eventId(),
            result.error(),
            config.get(PushSettings.class).retryInitialDelaySeconds(),
            config.get(PushSettings.class).retryMaxAttempts());
      }
    }
  }
}
