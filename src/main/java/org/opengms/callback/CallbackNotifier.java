package org.opengms.callback;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.notification.NotificationDetails;
import org.opengms.notification.Notifications;
import org.opengms.notification.PublishRequest;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;

/**
 * Tells the outside world what happened to a callback, after the change committed and never on the
 * caller's thread: the customer's device ({@code _device_os}, {@code _device_notification_id}:
 * {@code {"_id": ..., "_action": ...}} as the Android/iOS sections describe) and the service's
 * status notification target ({@code _cbe_on_*} events). Both go through the Notification API, so
 * the outbound allow-list, delivery channels and the durable retry outbox apply.
 */
@ApplicationScoped
public class CallbackNotifier {

  private static final Logger LOG = Logger.getLogger(CallbackNotifier.class.getName());

  /** The tag of device notifications (clients read {@code _id} and {@code _action}). */
  static final String DEVICE_TAG = "service.callback";

  static final String STATUS_TAG = "service.callback.status";

  @Inject Notifications notifications;
  @Inject ConfigurationProvider configuration;
  @Resource ManagedExecutorService executor;

  private final ConcurrentMap<String, CompletableFuture<Void>> lastOfCallback =
      new ConcurrentHashMap<>();

  /** Pushes {@code action} to the callback's device, if it named one. */
  void device(Callback callback, String action) {
    Map<String, String> props = callback.properties();
    String os = props.get("_device_os");
    String device = props.get("_device_notification_id");
    if (os == null || os.isBlank() || device == null || device.isBlank() || action == null) {
      return;
    }
    Map<String, String> message = new LinkedHashMap<>();
    message.put("_id", callback.getId());
    message.put("_action", action);
    PublishRequest event = new PublishRequest();
    event.tag = DEVICE_TAG;
    event.message = CallbackJson.write(message);
    event.notificationDetails = new NotificationDetails();
    event.notificationDetails.type = os.strip().toLowerCase(java.util.Locale.ROOT);
    event.notificationDetails.deviceId = device.strip();
    publishLater(event, callback.getId());
  }

  /**
   * Sends {@code event} (a {@code _cbe_on_*} name) to the status notification target when the
   * service enables it and its events list (if any) includes the event.
   */
  void status(Callback callback, String event) {
    GmsConfiguration config = configuration.current();
    ServiceDefinition definition =
        config.get(ServiceCatalog.class).find(callback.getServiceName()).orElse(null);
    if (definition == null) {
      return;
    }
    Map<String, String> props = callback.properties();
    CallbackOptions options =
        CallbackOptions.of(definition, props, config.get(CallbackSettings.class));
    StatusNotificationOptions.Mode mode;
    try {
      mode = StatusNotificationOptions.mode(config, options);
    } catch (CallbackException e) {
      return; // refused at start; a later configuration edit only silences it
    }
    if (mode == StatusNotificationOptions.Mode.OFF) {
      return;
    }
    String target =
        StatusNotificationOptions.get(config, options, "_status_notification_target").orElse(null);
    if (target == null && mode != StatusNotificationOptions.Mode.SUBSCRIBE_NOTIFY) {
      return;
    }
    List<String> params = List.of();
    String list = options.get("_callback_events_list").orElse(null);
    if (list != null) {
      var section = config.get(CallbackSettings.class).lists().part(list, event);
      if (section.isEmpty()) {
        return; // the list does not name this event
      }
      params = CallbackOptions.split(section.get().get("notify_params"));
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("event", event);
    body.put("_id", callback.getId());
    body.put("_service_name", callback.getServiceName());
    body.put("_callback_state", callback.getState().name());
    if (callback.getReason() != null) {
      body.put("_callback_reason", callback.getReason());
    }
    body.put("_desired_time", CallbackViews.time(callback.getDesiredTime()));
    for (String p : params) {
      if (props.containsKey(p)) {
        body.put(p, props.get(p));
      }
    }
    String message = CallbackJson.write(body);
    if (mode == StatusNotificationOptions.Mode.SUBSCRIBE_NOTIFY) {
      PublishRequest toSubscribers = new PublishRequest();
      toSubscribers.tag = STATUS_TAG;
      toSubscribers.message = message;
      publishLater(toSubscribers, callback.getId());
    }
    if (target == null) {
      return;
    }
    PublishRequest publish = new PublishRequest();
    publish.tag = STATUS_TAG;
    publish.message = message;
    publish.notificationDetails = new NotificationDetails();
    publish.notificationDetails.type =
        StatusNotificationOptions.get(config, options, "_status_notification_type")
            .orElse("httpcb");
    publish.notificationDetails.deviceId = target;
    // attempts in all per event (the outbox retries failed ones); unset: [push] retry_max_attempts
    long attempts =
        StatusNotificationOptions.number(config, options, "_status_notification_attempts", -1);
    publish.maxAttempts = attempts < 1 ? null : (int) Math.min(attempts, 100);
    publishLater(publish, callback.getId());
  }

  /** POSTs {@code body} to {@code url} as an httpcb notification (outbox retries apply). */
  void forward(String url, String body, String id, Integer maxAttempts) {
    PublishRequest publish = new PublishRequest();
    publish.tag = STATUS_TAG;
    publish.message = body;
    publish.notificationDetails = new NotificationDetails();
    publish.notificationDetails.type = "httpcb";
    publish.notificationDetails.deviceId = url;
    publish.maxAttempts = maxAttempts;
    publishLater(publish, id);
  }

  /**
   * Publishes after the callback's earlier notifications: the events of one callback leave in the
   * order they happened (first attempts; a failed one retried by the outbox comes later), while
   * different callbacks notify in parallel. Only callbacks with a publish under way are in the map.
   */
  private void publishLater(PublishRequest event, String id) {
    Runnable publish =
        () -> {
          try {
            notifications.publish(event);
          } catch (RuntimeException e) {
            // failed first attempts of retried channels are in the outbox already
            LOG.log(Level.FINE, "Callback " + id + ": notification not delivered now", e);
          }
        };
    try {
      CompletableFuture<Void> queued =
          lastOfCallback.compute(
              id,
              (key, last) ->
                  last == null
                      ? CompletableFuture.runAsync(publish, executor)
                      // an earlier publish the executor refused must not stop the later ones
                      : last.exceptionally(e -> null).thenRunAsync(publish, executor));
      queued.whenComplete((done, failure) -> lastOfCallback.remove(id, queued));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Callback " + id + ": notification dropped (executor refused)", e);
    }
  }
}
