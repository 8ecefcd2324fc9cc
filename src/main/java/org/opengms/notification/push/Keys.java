package org.opengms.notification.push;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Private keys from PEM text (PKCS#8, as Apple's .p8 files and Google's service accounts). */
final class Keys {

  private Keys() {}

  static ECPrivateKey ec(String pem) {
    try {
      return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(pkcs8(pem));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not a PKCS#8 EC private key");
    }
  }

  static RSAPrivateKey rsa(String pem) {
    try {
      return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(pkcs8(pem));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not a PKCS#8 RSA private key");
    }
  }

  /**
   * Accepts a PEM block, the same with literal "\n" (one-line JSON and ini values), or bare Base64.
   */
  private static PKCS8EncodedKeySpec pkcs8(String pem) {
    String base64 =
        pem.replace("\\n", "\n")
            .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
            .replaceAll("\\s", "");
    try {
      return new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not PEM or Base64 key text");
    }
  }
}
