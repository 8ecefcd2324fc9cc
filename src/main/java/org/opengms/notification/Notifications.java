package org.opengms.notification;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opengms.api.error.GmsException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.cluster.ClusterSignals;
import org.opengms.cluster.Signal;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.delivery.DeliveryCounters;
import org.opengms.delivery.Undelivered;

/**
 * The Notification API's use cases: validate and store subscriptions (keeping the in-memory index
 * in step), and publish events to every matching subscription concurrently, waiting a bounded time
 * for the first attempts.
 */
@ApplicationScoped
public class Notifications {

  @EJB SubscriptionManager subscriptions;
  @EJB Outbox outbox;
  @Inject SubscriptionIndex index;
  @Inject Channels channels;
  @Inject SubscriptionTargets checkTargets;
  @Inject ConfigurationProvider configuration;
  @Inject DeliveryCounters undelivered;
  @Inject ClusterSignals signals;

  @Resource ManagedExecutorService executor;

  public String subscribe(SubscriptionRequest request, String gmsUser) {
    GmsConfiguration config = configuration.current();
    if (request.subscriberId == null || request.subscriberId.isBlank()) {
      throw new InvalidRequestException("subscriberId is mandatory");
    }
    if (!TagFilters.isFilter(request.filter)) {
      throw new InvalidRequestException(
          "filter is mandatory and must be a tag, tag.* or *; a tag is " + TagFilters.tagRule());
    }
    Target target =
        checkTargets.of(
            request.notificationDetails,
            request.authorization,
            gmsUser,
            request.providerName,
            config);
    int expire = request.expireSeconds(config.get(PushSettings.class).defaultExpiration());
    LiveSubscription created =
        subscriptions.create(
            request.subscriberId,
            request.providerName,
            target,
            request.filter,
            request.language,
            expire);
    index.add(created);
    changed(List.of(created.id()));
    return created.id();
  }

  public void unsubscribe(String id) {
    subscriptions.delete(id);
    index.remove(id);
    changed(List.of(id));
  }

  public void unsubscribeAll(String subscriberId) {
    List<String> ids = subscriptions.deleteOfSubscriber(subscriberId);
    index.removeAll(ids);
    changed(ids);
  }

  /** Tells the other nodes' indexes to re-read these subscriptions (after they committed). */
  void changed(List<String> ids) {
    ids.forEach(id -> signals.send(Signal.Topic.SUBSCRIPTION, id));
  }

  /** Delivers the event; 503 when any first attempt failed or did not finish in time. */
  public void publish(PublishRequest event) {
    GmsConfiguration config = configuration.current();
    if (!TagFilters.isTag(event.tag)) {
      throw new InvalidRequestException("tag is mandatory and must be " + TagFilters.tagRule());
    }
    boolean localized = "localizestring".equals(event.mediaType);
    if (event.mediaType != null && !localized && !"string".equals(event.mediaType)) {
      throw new InvalidRequestException("mediaType must be string or localizestring");
    }
    String message = event.message == null ? "" : event.message;
    if (localized && !config.get(PushSettings.class).localization().has(message)) {
      throw new InvalidRequestException("Unknown localized message id: " + message);
    }
    List<LiveSubscription> targets;
    if (event.notificationDetails != null) {
      Target target =
          checkTargets.of(
              event.notificationDetails,
              null,
              event.notificationDetails.deviceId,
              event.providerName,
              config);
      targets =
          List.of(
              new LiveSubscription(
                  "direct", "direct", event.providerName, target, event.tag, null, Instant.MAX));
    } else {
      targets = index.match(event.tag, Instant.now());
      if (targets.isEmpty()) {
        undelivered.count(Undelivered.NOTIFICATION_UNMATCHED, "tag " + event.tag);
      }
    }
    List<Delivery> deliveries = new ArrayList<>();
    for (LiveSubscription s : targets) {
      String text =
          localized
              ? config
                  .get(PushSettings.class)
                  .localization()
                  .text(message, s.language(), event.properties)
                  .orElse(message)
              : message;
      deliveries.add(new Delivery(UUID.randomUUID().toString(), s.target(), event.tag, text));
    }
    // a payload over a network's limit refuses the whole publish before anything is sent
    for (Delivery delivery : deliveries) {
      channels
          .of(delivery.target().type())
          .flatMap(c -> c.refusal(delivery))
          .ifPresent(
              reason -> {
                throw new InvalidRequestException(reason);
              });
    }
    List<CompletableFuture<DeliveryResult>> attempts = new ArrayList<>();
    for (Delivery delivery : deliveries) {
      attempts.add(firstAttempt(delivery, event.maxAttempts, config));
    }
    awaitAll(attempts, config.get(PushSettings.class).publishTimeoutMillis());
  }

  private CompletableFuture<DeliveryResult> firstAttempt(
      Delivery delivery, Integer maxAttempts, GmsConfiguration config) {
    NotificationChannel channel = channels.of(delivery.target().type()).orElse(null);
    if (channel == null) {
      return CompletableFuture.completedFuture(
          DeliveryResult.failed("push type " + delivery.target().type() + " is not available"));
    }
    CompletableFuture<DeliveryResult> sent;
    try {
      sent = channel.deliverAsync(delivery, executor);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    // an attempt that threw is a failed attempt like any other: it goes to the outbox, never lost
    return sent.exceptionally(e -> DeliveryResult.failed(String.valueOf(unwrap(e))))
        .thenCompose(
            result ->
                result.delivered()
                    ? CompletableFuture.completedFuture(result)
                    : CompletableFuture.supplyAsync(
                        () -> failed(channel, delivery, result, maxAttempts, config), executor));
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof java.util.concurrent.CompletionException && e.getCause() != null
        ? e.getCause()
        : e;
  }

  /** Outbox or deactivation after a failed first attempt (on a container thread: EJB, JPA). */
  private DeliveryResult failed(
      NotificationChannel channel,
      Delivery delivery,
      DeliveryResult result,
      Integer maxAttempts,
      GmsConfiguration config) {
    if (result.outcome() == DeliveryResult.Outcome.FAILED && channel.retried()) {
      outbox.add(
          delivery,
          result.error(),
          Instant.now().plusSeconds(config.get(PushSettings.class).retryInitialDelaySeconds()),
          maxAttempts);
    } else if (result.outcome() == DeliveryResult.Outcome.DEVICE_GONE) {
      deviceGone(delivery.target(), result.error());
    }
    return result;
  }

  /**
   * The push network called the device token dead: every live subscription of that token on that
   * network is deactivated (kept, but no longer matched), here and in the database.
   */
  void deviceGone(Target target, String reason) {
    NotificationChannel channel = channels.of(target.type()).orElseThrow();
    List<String> types = PushSettings.TYPES.stream().filter(channel::serves).toList();
    List<String> ids = subscriptions.deactivateDevice(types, target.deviceId(), reason);
    index.removeAll(ids);
    changed(ids);
  }

  private static void awaitAll(
      List<CompletableFuture<DeliveryResult>> attempts, long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    int failed = 0;
    String firstError = null;
    for (CompletableFuture<DeliveryResult> attempt : attempts) {
      String error;
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        DeliveryResult result = attempt.get(left, TimeUnit.NANOSECONDS);
        error = result.delivered() ? null : result.error();
      } catch (TimeoutException e) {
        error = "no answer within publish_timeout";
      } catch (ExecutionException e) {
        error = String.valueOf(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error = "interrupted";
      }
      if (error != null) {
        failed++;
        firstError = firstError == null ? error : firstError;
      }
    }
    if (failed > 0) {
      // the first reason helps whoever publishes (it names no secret: status, network reason)
      throw new GmsException(
          Response.Status.SERVICE_UNAVAILABLE,
          "Notification not delivered to "
              + failed
              + " of "
              + attempts.size()
              + " subscriptions (first: "
              + firstError
              + ")");
    }
  }
}
