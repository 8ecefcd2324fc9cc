package org.opengms.notification.push;

import java.net.URI;
import java.security.interfaces.ECPrivateKey;

/**
 * One provider's APNs token-based credentials and endpoints.
 *
 * @param keyId {@code apple.key_id}: the 10-character Key ID of the .p8 key
 * @param teamId {@code apple.team_id}: the Apple Developer Team ID (the JWT's issuer)
 * @param topic {@code apple.topic}: the app's bundle ID, sent as {@code apns-topic}
 * @param key the signing key from {@code apple.key_file} (.p8) or {@code apple.key} (inline)
 * @param productionUrl {@code apple.url} (default https://api.push.apple.com)
 * @param sandboxUrl {@code apple.sandbox_url} (default https://api.sandbox.push.apple.com), for
 *     subscriptions whose {@code debug} property is {@code debug} or {@code true}
 */
public record ApnsSettings(
    String keyId,
    String teamId,
    String topic,
    ECPrivateKey key,
    URI productionUrl,
    URI sandboxUrl,
    TlsSettings tls) {

  /** Never prints the key. */
  @Override
  public String toString() {
    return "ApnsSettings[keyId=" + keyId + ", teamId=" + teamId + ", topic=" + topic + "]";
  }
}
