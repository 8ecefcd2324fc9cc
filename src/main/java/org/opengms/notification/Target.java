package org.opengms.notification;

/**
 * Where one delivery goes.
 *
 * @param type channel type (comet, httpcb, orscb, ios, android, gcm, fcm)
 * @param deviceId device token, URL, ORS session id, or (comet) the {@code gms_user}
 * @param authorization httpcb: the Authorization header value to send, or null
 * @param debug whether the provider's debug (sandbox) connection is to be used
 * @param provider the subscription's {@code providerName} (its credentials and OS attributes), or
 *     null for the default provider ({@code [push]})
 */
public record Target(
    String type, String deviceId, String authorization, boolean debug, String provider) {

  public Target(String type, String deviceId, String authorization, boolean debug) {
    this(type, deviceId, authorization, debug, null);
  }
}
