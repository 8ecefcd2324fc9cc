package org.opengms.callback;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.notification.PushSettings;
import org.opengms.outbound.HttpSettings;
import org.opengms.outbound.OutboundHttp;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;
import org.opengms.time.ServerClock;

/**
 * ORS-style execution ({@code _type = ors}): a queued callback is POSTed as JSON to {@code
 * <url>/scxml/session/start} for each URL of the service's {@code _ors} list (else {@code [ors]
 * url}) in turn until one answers 2xx; the execution service then drives its states with {@code
 * PUT}. When none does, the attempt is retried after {@code [callback] submit_retry_interval}, and
 * after {@code submit_attempts} attempts it ends COMPLETED {@code SUBMIT_FAILED}. Each attempt is
 * claimed in the database first, so a callback is submitted by one node at a time.
 */
@ApplicationScoped
public class CallbackExecution {

  private static final Logger LOG = Logger.getLogger(CallbackExecution.class.getName());

  /** The property recording the execution URL that took the callback. */
  static final String SUBMITTED_URL = "_ors_submitted_url";

  /** The property naming the execution service's session, when it set one (else the id). */
  static final String SESSION = "_ors_session_id";

  @EJB CallbackEngine engine;
  @EJB CallbackStore store;
  @Inject CallbackNotifier notifier;
  @Inject OutboundHttp http;
  @Inject ConfigurationProvider configuration;
  @Inject ServerClock clock;
  @Resource ManagedExecutorService executor;

  void submitSoon(String id) {
    try {
      executor.execute(() -> submit(id));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Callback " + id + ": submit left to the next scan", e);
    }
  }

  /** One claimed submit attempt (nothing when another node or thread holds it). */
  void submit(String id) {
    GmsConfiguration config = configuration.current();
    CallbackSettings settings = config.get(CallbackSettings.class);
    Optional<Callback> current = store.find(id);
    if (current.isEmpty()) {
      return;
    }
    // the claim outlives every URL's connect and read timeouts: no one else submits meanwhile,
    // and if this node dies mid-attempt another one retries once it runs out
    long attemptMillis =
        (long) Math.max(1, urls(config, current.get()).size())
            * (config.get(HttpSettings.class).connectTimeoutMillis()
                + config.get(HttpSettings.class).socketTimeoutMillis());
    int lease = (int) (attemptMillis / 1000) + settings.submitRetrySeconds() + 1;
    Optional<Callback> claimed = engine.claimSubmit(id, clock.now(), lease);
    if (claimed.isEmpty()) {
      return;
    }
    Callback c = claimed.get();
    boolean ok = false;
    String took = null;
    for (String url : urls(config, c)) {
      OutboundHttp.Result result =
          http.post(
              URI.create(url.replaceAll("/+$", "") + "/scxml/session/start"),
              CallbackJson.write(body(c, config)),
              "application/json",
              Map.of());
      if (result.delivered()) {
        ok = true;
        took = url;
        break;
      }
      LOG.info("Callback " + id + ": submit to " + url + " failed: " + result.describe());
    }
    boolean delivered = ok;
    engine
        .submitResult(
            id,
            delivered,
            took,
            clock.now(),
            settings.submitAttempts(),
            settings.submitRetrySeconds())
        .ifPresent(
            after -> {
              if (delivered) {
                notifier.status(after, "_cbe_on_callback_submitted");
              } else if (after.getState() == CallbackState.COMPLETED) {
                notifier.status(after, "_cbe_on_callback_submit_failed");
                notifier.status(after, "_cbe_on_service_exit");
              }
            });
  }

  /**
   * A cancelled callback already submitted to an execution service: the cancel is forwarded as the
   * event {@code cancel} into its session, POST {@code <url>/scxml/session/<_ors_session_id, else
   * the callback id>/event/cancel} to the URL that took it, as an httpcb notification (the
   * allow-list and the retry outbox apply; a failure never blocks the cancel).
   */
  void cancelled(Callback c) {
    cancelled(c, false);
  }

  void cancelled(Callback c, boolean once) {
    Map<String, String> props = c.properties();
    String url = props.get(SUBMITTED_URL);
    if (url == null || url.isBlank()) {
      return;
    }
    String session = props.getOrDefault(SESSION, c.getId());
    String target =
        url.replaceAll("/+$", "")
            + "/scxml/session/"
            + java.net.URLEncoder.encode(session, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20")
            + "/event/cancel";
    Map<String, String> body = new java.util.LinkedHashMap<>();
    body.put("_id", c.getId());
    body.put("_callback_state", c.getState().name());
    if (c.getReason() != null) {
      body.put("_callback_reason", c.getReason());
    }
    notifier.forward(target, CallbackJson.write(body), c.getId(), once ? 1 : null);
  }

  /** The service's {@code _ors} list with the callback's {@code $token$} values, else [ors] url. */
  private static List<String> urls(GmsConfiguration config, Callback c) {
    List<String> urls = new ArrayList<>();
    config
        .get(ServiceCatalog.class)
        .find(c.getServiceName())
        .flatMap(
            d ->
                CallbackOptions.of(d, c.properties(), config.get(CallbackSettings.class))
                    .get("_ors"))
        .ifPresent(v -> urls.addAll(CallbackOptions.split(v)));
    if (urls.isEmpty()) {
      config.get(PushSettings.class).orsUrl().ifPresent(urls::add);
    }
    return urls;
  }

  private static Map<String, Object> body(Callback c, GmsConfiguration config) {
    Map<String, Object> body = CallbackViews.of(c, "/genesys/1/");
    config
        .get(ServiceCatalog.class)
        .find(c.getServiceName())
        .flatMap(d -> d.option("_ors_application"))
        .ifPresent(app -> body.put("src", app));
    body.put("_service_type", ServiceDefinition.ORS);
    return body;
  }
}
