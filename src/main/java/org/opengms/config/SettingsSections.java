package org.opengms.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The settings sections of every feature, found once with {@link ServiceLoader} in this class's own
 * class loader (the web application's, on WildFly and Payara alike, and the test class path).
 */
final class SettingsSections {

  private static final List<SettingsSection<?>> ALL = load();

  private SettingsSections() {}

  static List<SettingsSection<?>> all() {
    return ALL;
  }

  private static List<SettingsSection<?>> load() {
    List<SettingsSection<?>> sections = new ArrayList<>();
    Set<Class<?>> types = new HashSet<>();
    for (SettingsSection<?> s :
        ServiceLoader.load(SettingsSection.class, SettingsSection.class.getClassLoader())) {
      if (!types.add(s.type())) {
        throw new IllegalStateException("Two settings sections build " + s.type().getName());
      }
      sections.add(s);
    }
    return List.copyOf(sections);
  }
}
