package org.opengms.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Verifies a compact JWT as the push networks do, independently of the production code: ES256
 * signatures (raw R||S) are re-encoded as ASN.1 DER here and checked with the JDK's plain
 * SHA256withECDSA.
 */
public final class JwtCheck {

  /** A verified token's header and claims. */
  public record Verified(Map<String, Object> header, Map<String, Object> claims) {}

  private JwtCheck() {}

  public static PublicKey publicKey(String resource, String algorithm) {
    try {
      String pem = Files.readString(Path.of(Http2StandIn.resource(resource)));
      byte[] der =
          Base64.getDecoder()
              .decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", ""));
      return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The verified token, or null when malformed or the signature does not verify. */
  public static Verified verify(String jwt, PublicKey key) {
    String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      Map<String, Object> header =
          Json.object(new String(b64.decode(parts[0]), StandardCharsets.UTF_8));
      byte[] signature = b64.decode(parts[2]);
      Signature verifier;
      if ("ES256".equals(header.get("alg"))) {
        if (signature.length != 64) {
          return null; // JOSE requires raw R||S, not DER
        }
        verifier = Signature.getInstance("SHA256withECDSA");
        signature = der(signature);
      } else if ("RS256".equals(header.get("alg"))) {
        verifier = Signature.getInstance("SHA256withRSA");
      } else {
        return null;
      }
      verifier.initVerify(key);
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(signature)) {
        return null;
      }
      return new Verified(
          header, Json.object(new String(b64.decode(parts[1]), StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null;
    }
  }

  /** R||S (32 bytes each) as the DER SEQUENCE of two INTEGERs. */
  private static byte[] der(byte[] raw) {
    byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)).toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.write(4 + r.length + s.length);
    out.write(0x02);
    out.write(r.length);
    out.writeBytes(r);
    out.write(0x02);
    out.write(s.length);
    out.writeBytes(s);
    return out.toByteArray();
  }
}
