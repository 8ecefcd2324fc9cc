package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.service.ServiceDefinition;
import org.opengms.time.ServerClock;

/** Update-Callback: {@code PUT /1/service/callback/<name>/<id>}. */
@ApplicationScoped
public class CallbackUpdates {

  @EJB CallbackEngine engine;
  @EJB CallbackStore store;
  @Inject CallbackService callbacks;
  @Inject CallbackNotifier notifier;
  @Inject ConfigurationProvider configuration;
  @Inject ServerClock clock;
  @Inject Instance<CallbackAdmission> admission;

  /** Reschedule / state update / property update. */
  public void update(String serviceName, String id, Map<String, String> body) {
    GmsConfiguration config = configuration.current();
    ServiceDefinition definition = CallbackService.definition(config, serviceName);
    Callback current =
        store
            .find(id)
            .filter(c -> c.getServiceName().equals(serviceName))
            .orElseThrow(() -> new ResourceNotFoundException("Callback " + id + " not found"));
    String newTime = body.get("_new_desired_time");
    String newState = body.get("_callback_state");
    if (newTime != null && newState != null && !newState.isBlank()) {
      throw new CallbackException("_callback_state is incompatible with _new_desired_time");
    }
    Map<String, String> merged = new LinkedHashMap<>(current.properties());
    merged.putAll(body);
    CallbackOptions options =
        CallbackOptions.of(definition, merged, config.get(CallbackSettings.class));
    Instant now = clock.now();
    Instant desired =
        newTime == null ? null : CallbackViews.parseTime("_new_desired_time", newTime);
    boolean immediate = false;
    if (desired != null) {
      if (current.getState() != CallbackState.SCHEDULED) {
        throw new CallbackException(
            "Callback '" + id + "' is no longer scheduled. State=" + current.getState());
      }
      Duration wait = callbacks.estimatedWait(options, merged, current.getQueue());
      immediate = !desired.isAfter(now.plus(options.executionBuffer()).plus(wait));
      if (admission.isResolvable()) {
        admission
            .get()
            .check(
                definition,
                options.asMap(),
                current.getCustomerNumber(),
                immediate ? now : desired);
      }
    }
    CallbackState target =
        newState == null || newState.isBlank()
            ? null
            : CallbackState.parse(newState)
                .orElseThrow(() -> new CallbackException("Unknown _callback_state: " + newState));
    String reason =
        CallbackStartParams.firstNonBlank(body.get("_callback_reason"), body.get("_reason"));
    boolean runNow = immediate;
    boolean ors = options.isOrs();
    Duration ttl = options.ttl();
    boolean paused = CallbackPauses.isPaused(config, options);
    Callback updated =
        engine.update(
            serviceName,
            id,
            (c, at) -> {
              if (desired != null) {
                if (c.getState() != CallbackState.SCHEDULED) {
                  throw new CallbackException(
                      "Callback '" + id + "' is no longer scheduled. State=" + c.getState());
                }
                c.reschedule(runNow ? at : desired, at);
                c.setExpiresAt(c.getDesiredTime().plus(ttl));
                if (runNow) {
                  c.moveTo(paused ? CallbackState.PAUSED : CallbackState.QUEUED, null, at);
                  if (ors && !paused) {
                    c.submitDue(at);
                  }
                }
              }
              if (target != null) {
                if (c.getState() == CallbackState.COMPLETED) {
                  throw new CallbackException(
                      "Request already cancelled or completed: [" + id + "]");
                }
                c.moveTo(target, reason == null ? CallbackReason.AGENT_CONNECTED : reason, at);
              }
              Map<String, String> props = c.properties();
              body.forEach(
                  (k, v) -> {
                    if (CallbackService.NOT_KEPT.contains(k)
                        || k.equals("_reason")
                        || k.equals("_callback_reason")
                        || k.equals("_id")) {
                      return;
                    }
                    if (v == null || v.isEmpty()) {
                      props.remove(k);
                    } else {
                      props.put(k, v);
                    }
                  });
              c.setProperties(props, at);
            },
            now);
    if (desired != null) {
      notifier.status(updated, "_cbe_on_callback_rescheduled");
      if (runNow) {
        callbacks.afterStateChange(updated);
      }
    } else if (target != null) {
      notifier.status(updated, "_cbe_on_callback_status_updated");
      callbacks.afterStateChange(updated);
    }
  }
}
