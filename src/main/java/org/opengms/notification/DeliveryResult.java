package org.opengms.notification;

/** Whether a delivery attempt succeeded, and if not why and what follows. */
public record DeliveryResult(Outcome outcome, String error) {

  /** What an attempt's answer means for the delivery and the subscription. */
  public enum Outcome {
    DELIVERED,
    /** Transient (network, 429, 5xx): retried from the outbox when the channel retries. */
    FAILED,
    /** Permanent for this message (bad request, refused credentials): never retried. */
    REJECTED,
    /** The network says the device token is dead: its subscriptions are deactivated. */
    DEVICE_GONE
  }

  public static DeliveryResult ok() {
    return new DeliveryResult(Outcome.DELIVERED, null);
  }

  public static DeliveryResult failed(String error) {
    return new DeliveryResult(Outcome.FAILED, error);
  }

  public static DeliveryResult rejected(String error) {
    return new DeliveryResult(Outcome.REJECTED, error);
  }

  public static DeliveryResult deviceGone(String error) {
    return new DeliveryResult(Outcome.DEVICE_GONE, error);
  }

  public boolean delivered() {
    return outcome == Outcome.DELIVERED;
  }
}
