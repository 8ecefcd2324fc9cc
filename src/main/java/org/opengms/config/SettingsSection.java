package org.opengms.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * How a feature reads its typed settings from the configuration file. Each feature declares one
 * subclass (a public nested {@code Section} class with a no-argument constructor) and lists it in
 * {@code META-INF/services/org.opengms.config.SettingsSection}; {@link GmsConfiguration} builds
 * every listed section once per version, so a bad value refuses the whole file at load and this
 * package never imports a feature.
 *
 * @param <T> the feature's settings type, the key of {@link GmsConfiguration#get(Class)}
 */
public abstract class SettingsSection<T> {

  private final Class<T> type;
  private final Function<IniDocument, T> reader;

  protected SettingsSection(Class<T> type, Function<IniDocument, T> reader) {
    this.type = Objects.requireNonNull(type);
    this.reader = Objects.requireNonNull(reader);
  }

  public final Class<T> type() {
    return type;
  }

  /** Builds the settings; a {@link ConfigurationException} refuses the file. */
  public final T read(IniDocument document) {
    return reader.apply(document);
  }

  /**
   * Called once when a version holding {@code settings} is put in force (not for a refused file):
   * the place for load-time warnings.
   */
  public void installed(T settings) {}

  /** Calls {@link #installed} with the value this section built in {@code config}. */
  final void installedIn(GmsConfiguration config) {
    installed(config.get(type));
  }
}
