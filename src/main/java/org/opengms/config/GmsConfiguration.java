package org.opengms.config;

import org.opengms.storage.StorageSettings;

/**
 * One immutable, validated version of the configuration file. Each feature's typed settings are
 * built here once, so a bad value refuses the whole file (at start-up or on reload) instead of
 * failing a request later.
 */
public final class GmsConfiguration {

  private final IniDocument document;
  private final ServerSettings server;
  private final StorageSettings storage;

  public GmsConfiguration(IniDocument document) {
    this.document = document;
    this.server = ServerSettings.from(document);
    this.storage = StorageSettings.from(document);
  }

  public IniDocument document() {
    return document;
  }

  public ServerSettings server() {
    return server;
  }

  public StorageSettings storage() {
    return storage;
  }
}
