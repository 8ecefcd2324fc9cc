package org.opengms.notification;

/** Whether a delivery attempt succeeded, and if not why. */
public record DeliveryResult(boolean delivered, String error) {

  public static DeliveryResult ok() {
    return new DeliveryResult(true, null);
  }

  public static DeliveryResult failed(String error) {
    return new DeliveryResult(false, error);
  }
}
