package org.opengms.notification.push;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The certificates a provider's connections trust: the JVM's default trust store, or {@code
 * <prefix>.trust_store} (a PKCS12 or JKS file, for tests and private gateways) with {@code
 * <prefix>.trust_store_password}.
 */
public record TlsSettings(Optional<Path> trustStore, String trustStorePassword) {

  public static final TlsSettings DEFAULT = new TlsSettings(Optional.empty(), "");

  @Override
  public String toString() {
    return "TlsSettings[trustStore=" + trustStore.map(Path::toString).orElse("default") + "]";
  }
}
