package org.opengms.notification;

/** One way of delivering notifications (comet, httpcb, orscb, ...), chosen by subscription type. */
public interface NotificationChannel {

  /** The subscription {@code notificationDetails.type} this channel serves. */
  String type();

  /** One attempt; never throws for a delivery failure. */
  DeliveryResult deliver(Delivery delivery);

  /** Whether failed attempts are retried from the durable outbox. */
  default boolean retried() {
    return false;
  }
}
