package org.opengms.notification.push;

import java.net.URI;
import java.security.interfaces.RSAPrivateKey;

/**
 * One provider's Firebase project and service account.
 *
 * @param projectId {@code fcm.project_id}, else the service account's {@code project_id}
 * @param clientEmail the service account's {@code client_email} (the assertion's issuer)
 * @param privateKeyId the service account's {@code private_key_id} (the assertion's kid)
 * @param key the service account's {@code private_key}
 * @param url {@code fcm.url} (default https://fcm.googleapis.com)
 * @param tokenUri {@code fcm.token_uri}, else the service account's {@code token_uri}, else
 *     https://oauth2.googleapis.com/token
 */
public record FcmSettings(
    String projectId,
    String clientEmail,
    String privateKeyId,
    RSAPrivateKey key,
    URI url,
    URI tokenUri,
    TlsSettings tls) {

  /** Never prints the key. */
  @Override
  public String toString() {
    return "FcmSettings[projectId=" + projectId + ", clientEmail=" + clientEmail + "]";
  }
}
