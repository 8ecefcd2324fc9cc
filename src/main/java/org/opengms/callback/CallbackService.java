package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.persistence.group.GroupCommit;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;
import org.opengms.service.ServiceRequests;
import org.opengms.statistics.Statistics;
import org.opengms.storage.FormField;
import org.opengms.time.ServerClock;

/**
 * The Callback Services API's use cases: start (options, admission, limits, immediate or
 * scheduled), cancel, update, query. State changes happen in {@link CallbackEngine}; this class
 * decides and, once they committed, notifies.
 */
@ApplicationScoped
public class CallbackService {

  /** Request parameters that steer the start and are not kept as properties. */
  static final Set<String> NOT_KEPT =
      Set.of("_callback_state", "_request_id", "_desired_time", "_new_desired_time", "_redirect");

  @EJB CallbackEngine engine;
  @EJB CallbackStore store;
  @Inject CallbackLimits limits;
  @Inject CallbackSessions sessions;
  @Inject CallbackNotifier notifier;
  @Inject CallbackMetrics metrics;
  @Inject CallbackExecution execution;
  @Inject ConfigurationProvider configuration;
  @Inject ServerClock clock;
  @Inject GroupCommit groupCommit;
  @Inject ServiceRequests serviceRequests;
  @Inject Instance<CallbackAdmission> admission;
  @Inject Instance<Statistics> statistics;

  /** A configured callback service ({@code _service = callback}), or 404. */
  ServiceDefinition definition(String name) {
    return definition(configuration.current(), name);
  }

  static ServiceDefinition definition(GmsConfiguration config, String name) {
    return config
        .get(ServiceCatalog.class)
        .find(name)
        .filter(d -> BuiltinService.CALLBACK.equals(d.service()))
        .orElseThrow(
            () -> new ResourceNotFoundException("Callback service " + name + " not configured"));
  }

  /** Start-Callback without a base URL for dialogs (redirects, tests). */
  public Map<String, Object> start(
      String serviceName, Map<String, String> request, String idempotencyKey, String gmsUser) {
    return start(serviceName, request, idempotencyKey, gmsUser, "");
  }

  /**
   * Start-Callback; answers the dialog of its scenario (immediate: {@link CallbackStartDialogs}) or
   * {@code {"_id": ...}} (scheduled). {@code base} is the server's {@code .../genesys} URL.
   */
  public Map<String, Object> start(
      String serviceName,
      Map<String, String> request,
      String idempotencyKey,
      String gmsUser,
      String base) {
    GmsConfiguration config = configuration.current();
    ServiceDefinition definition = definition(config, serviceName);
    CallbackOptions options =
        CallbackOptions.of(definition, request, config.get(CallbackSettings.class));
    Optional<String> redirect = options.get("_redirect");
    if (redirect.isPresent() && !redirect.get().equals(serviceName)) {
      return redirect(redirect.get(), request, idempotencyKey, gmsUser, config, base);
    }
    String key = idempotencyKey != null ? idempotencyKey : request.get("_request_id");
    String requestKey = key == null || key.isBlank() ? null : serviceName + "|" + key.strip();
    if (requestKey != null) {
      Optional<Callback> earlier = store.findByRequestKey(requestKey);
      if (earlier.isPresent()) {
        return CallbackJson.readObject(earlier.get().getAnswer());
      }
    }
    String customer = CallbackStartParams.customerNumber(options, request);
    CallbackScenario scenario = CallbackScenario.of(options, request);
    StatusNotificationOptions.mode(config, options);
    String instanceService =
        scenario.chat() ? CallbackSessions.chatService(config, options) : serviceName;
    Instant now = clock.now();
    String desiredText = request.get("_desired_time");
    Instant desired =
        desiredText == null || desiredText.isBlank()
            ? now
            : CallbackViews.parseTime("_desired_time", desiredText);
    String queue = options.queue(request);
    Duration wait = estimatedWait(options, request, queue);
    boolean immediate = !desired.isAfter(now.plus(options.executionBuffer()).plus(wait));
    if (!immediate && options.flag("_reject_future_desired_time")) {
      throw new CallbackException(
          "Desired time "
              + CallbackViews.time(desired)
              + " is refused: this service only takes"
              + " immediate callbacks (_reject_future_desired_time)");
    }
    CallbackState forced = CallbackStartParams.forcedState(request);
    boolean paused = CallbackPauses.isPaused(config, options);
    CallbackState state =
        forced != null
            ? forced
            : immediate
                ? (paused ? CallbackState.PAUSED : CallbackState.QUEUED)
                : CallbackState.SCHEDULED;
    String id = UUID.randomUUID().toString();
    Callback callback = new Callback(id, serviceName, state, immediate ? now : desired, now);
    Map<String, String> props = new LinkedHashMap<>();
    request.forEach(
        (k, v) -> {
          if (!NOT_KEPT.contains(k)) {
            props.put(k, v);
          }
        });
    props.put("_customer_number", customer);
    if (gmsUser != null && !gmsUser.isBlank()) {
      props.putIfAbsent("_gms_user", gmsUser);
    }
    callback.setProperties(props, now);
    callback.setQueue(queue);
    // the booking key of the calendar checks: the capacity service, else the callback service
    callback.setCapacityService(options.get("_capacity_service").orElse(serviceName));
    callback.setExpiresAt(callback.getDesiredTime().plus(options.ttl()));
    callback.setScheduledAtStart(state == CallbackState.SCHEDULED);
    if (state == CallbackState.QUEUED && options.isOrs()) {
      callback.submitDue(now);
    }
    Map<String, Object> answer =
        state == CallbackState.SCHEDULED || forced != null
            ? new LinkedHashMap<>(Map.of("_id", id))
            : CallbackStartDialogs.of(
                scenario,
                options,
                base,
                id,
                props.getOrDefault("_gms_user", props.get("_device_notification_id")));
    callback.setAnswer(CallbackJson.write(answer));
    Instant at = immediate ? now : desired;
    Callback stored;
    try {
      // Committed together with concurrent starts (one admission lock and one commit for all of
      // them, each start's checks counting the ones before it); run again alone if any fails.
      stored =
          groupCommit.run(
              () ->
                  engine.create(
                      callback,
                      requestKey,
                      row -> {
                        // under the service's admission lock, in the transaction that stores it
                        if (admission.isResolvable()) {
                          admission.get().check(definition, options.asMap(), customer, at);
                        }
                        limits.check(options, request, at, now, row);
                        sessions.open(callback, instanceService);
                      }));
    } catch (jakarta.ejb.EJBException e) {
      if (CallbackAdmissionLocks.timedOut(e)) {
        throw new CallbackLimitException(
            "Too many concurrent starts for " + serviceName + ", retry later.");
      }
      throw e;
    }
    if (!stored.getId().equals(id)) {
      return CallbackJson.readObject(stored.getAnswer()); // a concurrent retry won
    }
    notifier.status(stored, "_cbe_on_service_create");
    // the service instance was just opened until the callback's expiry: nothing to keep alive
    afterStateChange(stored, false);
    return answer;
  }

  /** Hands a start to the service named by {@code _redirect}. */
  private Map<String, Object> redirect(
      String target,
      Map<String, String> request,
      String idempotencyKey,
      String gmsUser,
      GmsConfiguration config,
      String base) {
    ServiceDefinition to =
        config
            .get(ServiceCatalog.class)
            .find(target)
            .orElseThrow(
                () -> new ResourceNotFoundException("Service " + target + " not configured"));
    Map<String, String> forwarded = new LinkedHashMap<>(request);
    forwarded.remove("_redirect");
    if (BuiltinService.CALLBACK.equals(to.service())) {
      return start(target, forwarded, idempotencyKey, gmsUser, base);
    }
    List<FormField> fields = new ArrayList<>();
    forwarded.forEach((k, v) -> fields.add(new FormField.Text(k, v)));
    return serviceRequests.create(target, fields, gmsUser);
  }

  /**
   * The wait the statistic named by {@code _request_queue_time_stat} ({@code
   * Metric;ObjectType;ObjectId}, object id defaulting to the queue) announces; zero without it. The
   * service option, when set, wins over the request parameter.
   */
  Duration estimatedWait(CallbackOptions options, Map<String, String> request, String queue) {
    String stat =
        options
            .definition()
            .option("_request_queue_time_stat")
            .filter(s -> !s.isBlank())
            .map(s -> org.opengms.config.ConfigTokens.substitute(s, request))
            .orElse(request.get("_request_queue_time_stat"));
    if (stat == null || stat.isBlank() || !statistics.isResolvable()) {
      return Duration.ZERO;
    }
    String[] parts = stat.split(";");
    String metric = parts[0].strip();
    String type = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : "Queue";
    String object = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : queue;
    try {
      return statistics
          .get()
          .current(type, object, metric)
          .filter(Number.class::isInstance)
          .map(v -> Duration.ofSeconds(Math.max(0, ((Number) v).longValue())))
          .orElse(Duration.ZERO);
    } catch (RuntimeException e) {
      return Duration.ZERO;
    }
  }

  /** Cancel-Callback. */
  public void cancel(String serviceName, String id) {
    cancel(serviceName, id, false);
  }

  /** Cancel-Callback; {@code discardOrsFailure}: the ORS session is told once, never retried. */
  public void cancel(String serviceName, String id, boolean discardOrsFailure) {
    definition(serviceName);
    Callback c = engine.cancel(serviceName, id, CallbackReason.CANCELLED, clock.now());
    notifier.status(c, "_cbe_on_callback_cancelled");
    execution.cancelled(c, discardOrsFailure);
  }

  /** What happens after a callback changed state: device and status notifications, execution. */
  void afterStateChange(Callback c) {
    afterStateChange(c, true);
  }

  /** {@code keepAlive}: extend its service instance to its expiry (not needed right at start). */
  private void afterStateChange(Callback c, boolean keepAlive) {
    switch (c.getState()) {
      case SCHEDULED -> {
        if (keepAlive) {
          sessions.keepAlive(c);
        }
        notifier.status(c, "_cbe_on_callback_scheduled");
      }
      case QUEUED -> {
        if (keepAlive) {
          sessions.keepAlive(c);
        }
        notifier.status(c, "_cbe_on_callback_queued");
        notifier.device(c, "wait-for-agent");
        if (c.getNextSubmitAt() != null) {
          execution.submitSoon(c.getId());
        }
      }
      case COMPLETED -> {
        metrics.ended(c);
        if (CallbackReason.SUBMIT_FAILED.equals(c.getReason())) {
          notifier.status(c, "_cbe_on_callback_submit_failed");
        }
        notifier.status(c, "_cbe_on_service_exit");
      }
      default -> {}
    }
  }
}
