package org.opengms.notification;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** One way of delivering notifications (comet, httpcb, orscb, ...), chosen by subscription type. */
public interface NotificationChannel {

  /** The subscription {@code notificationDetails.type} this channel serves. */
  String type();

  /** One attempt; never throws for a delivery failure. */
  DeliveryResult deliver(Delivery delivery);

  /**
   * One attempt, finishing later; by default {@link #deliver} on {@code executor}. Channels that
   * multiplex many requests on one connection (HTTP/2 push) send without holding a thread.
   */
  default CompletableFuture<DeliveryResult> deliverAsync(Delivery delivery, Executor executor) {
    return CompletableFuture.supplyAsync(() -> deliver(delivery), executor);
  }

  /** Whether this channel delivers subscriptions of {@code type} (some serve several types). */
  default boolean serves(String type) {
    return type().equals(type);
  }

  /** Whether failed attempts are retried from the durable outbox. */
  default boolean retried() {
    return false;
  }

  /**
   * Why this delivery can never be sent (a payload over the network's size limit), checked for
   * every target before a publish sends anything; empty when it can be sent.
   */
  default Optional<String> refusal(Delivery delivery) {
    return Optional.empty();
  }

  /**
   * Why a subscription with this target cannot be served (no credentials for its provider, a
   * malformed device token); empty when it can.
   */
  default Optional<String> unusable(Target target) {
    return Optional.empty();
  }
}
