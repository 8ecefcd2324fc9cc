package org.opengms.notification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengms.config.IniDocument;

/**
 * The OS-specific options (badge, sound, ...) of one event for one provider, from the section
 * hierarchy the GMS reference describes, most general first and most specific winning: {@code
 * push}, {@code push.provider.event}, {@code push.provider.event.<tag prefixes>}, then {@code
 * push.provider.<name>.event} and {@code push.provider.<name>.event.<tag prefixes>}.
 */
public record OsAttributes(Map<String, Map<String, String>> sections) {

  /** The options of every {@code push} and {@code push.*} section, read once per version. */
  public static OsAttributes from(IniDocument doc) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    for (IniDocument.Section s : doc.sectionsStartingWith("push")) {
      if (s.name().equals("push") || s.name().startsWith("push.")) {
        Map<String, String> options = new LinkedHashMap<>();
        s.options().values().forEach(o -> options.put(o.name(), o.value()));
        sections.put(s.name(), Collections.unmodifiableMap(options));
      }
    }
    return new OsAttributes(Map.copyOf(sections));
  }

  /** The sections consulted for {@code tag}, in the order their options are applied. */
  public static List<String> chain(String providerName, String tag) {
    List<String> chain = new ArrayList<>();
    chain.add("push");
    addEventSections(chain, "push.provider.event", tag);
    if (providerName != null && !providerName.isBlank()) {
      addEventSections(chain, "push.provider." + providerName + ".event", tag);
    }
    return chain;
  }

  /** The merged options of the chain's sections that the file has. */
  public Map<String, String> resolve(String providerName, String tag) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String name : chain(providerName, tag)) {
      Map<String, String> section = sections.get(name);
      if (section != null) {
        options.putAll(section);
      }
    }
    return options;
  }

  private static void addEventSections(List<String> chain, String base, String tag) {
    chain.add(base);
    StringBuilder prefix = new StringBuilder(base);
    for (String word : tag.split("\\.")) {
      prefix.append('.').append(word);
      chain.add(prefix.toString());
    }
  }
}
