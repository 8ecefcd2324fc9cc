package org.opengms.notification.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/** Compact JSON Web Tokens signed with ES256 (APNs) or RS256 (Google's OAuth2 JWT bearer grant). */
final class Jwt {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private Jwt() {}

  /**
   * ES256. JOSE wants the signature as the raw 64 bytes R||S; the JDK's "SHA256withECDSA" gives
   * ASN.1 DER, its "SHA256withECDSAinP1363Format" gives exactly R||S (IEEE P1363).
   */
  static String es256(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
    return sign("SHA256withECDSAinP1363Format", header, claims, key);
  }

  static String rs256(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
    return sign("SHA256withRSA", header, claims, key);
  }

  private static String sign(
      String algorithm, Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
    String signingInput = part(header) + "." + part(claims);
    try {
      Signature signature = Signature.getInstance(algorithm);
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a JWT with " + algorithm, e);
    }
  }

  private static String part(Map<String, Object> json) {
    return B64.encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
  }
}
