package org.opengms.config;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One immutable, validated version of the configuration file. Every feature's typed settings are
 * built here once (each feature registers a {@link SettingsSection}), so a bad value refuses the
 * whole file (at start-up or on reload) instead of failing a request later. A request takes one
 * version and keeps it to its end.
 */
public final class GmsConfiguration {

  private final IniDocument document;
  private final Instant loadedAt;
  private final ServerSettings server;
  private final Map<Class<?>, Object> settings = new HashMap<>();

  public GmsConfiguration(IniDocument document) {
    this.document = document;
    this.loadedAt = Instant.now();
    this.server = ServerSettings.from(document);
    for (SettingsSection<?> section : SettingsSections.all()) {
      settings.put(section.type(), section.read(document));
    }
  }

  /** The settings of one feature, for example {@code get(ChatSettings.class)}. */
  public <T> T get(Class<T> type) {
    Object value = settings.get(type);
    if (value == null) {
      throw new IllegalStateException(
          type.getName()
              + " is not listed in META-INF/services/"
              + SettingsSection.class.getName());
    }
    return type.cast(value);
  }

  /** Lets every section log its load-time warnings; called when this version is put in force. */
  void installed() {
    SettingsSections.all().forEach(s -> s.installedIn(this));
  }

  public IniDocument document() {
    return document;
  }

  public Instant loadedAt() {
    return loadedAt;
  }

  /** The {@code [server]} section, the one section this package owns. */
  public ServerSettings server() {
    return server;
  }
}
