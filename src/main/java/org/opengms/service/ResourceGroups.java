package org.opengms.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;

/**
 * The {@code [resources.<group>]} sections: pools of access numbers (the option names; their values
 * are free text) that {@code request-interaction} and {@code request-access} hand out, one
 * interaction per number at a time.
 */
public record ResourceGroups(Map<String, List<String>> groups) {

  public static final String PREFIX = "resources.";

  public static ResourceGroups from(IniDocument doc) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (IniDocument.Section s : doc.sectionsStartingWith(PREFIX)) {
      String name = s.name().substring(PREFIX.length());
      if (name.isEmpty() || s.options().isEmpty()) {
        throw new ConfigurationException(
            doc.source(),
            s.line(),
            "["
                + s.name()
                + "] needs a group name and at least one access number (an option name)");
      }
      groups.put(name, List.copyOf(s.options().keySet()));
    }
    return new ResourceGroups(Collections.unmodifiableMap(groups));
  }

  public Optional<List<String>> numbers(String group) {
    return Optional.ofNullable(groups.get(group));
  }

  /**
   * Refuses the file when option {@code key} of {@code service} names a group that does not exist.
   */
  void requireKnown(IniDocument doc, IniDocument.Section service, String key) {
    service
        .option(key)
        .filter(o -> !o.value().isBlank() && !groups.containsKey(o.value().strip()))
        .ifPresent(
            o -> {
              throw new ConfigurationException(
                  doc.source(),
                  o.line(),
                  "["
                      + service.name()
                      + "] "
                      + key
                      + " names no [resources."
                      + o.value().strip()
                      + "] section");
            });
  }
}
