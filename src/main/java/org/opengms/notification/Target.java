package org.opengms.notification;

/**
 * Where one delivery goes.
 *
 * @param type channel type (comet, httpcb, orscb, ios, android, gcm)
 * @param deviceId device token, URL, ORS session id, or (comet) the {@code gms_user}
 * @param authorization httpcb: the Authorization header value to send, or null
 * @param debug whether the provider's debug connection is to be used
 */
public record Target(String type, String deviceId, String authorization, boolean debug) {}
