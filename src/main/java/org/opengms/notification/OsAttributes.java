package org.opengms.notification;

import java.util.ArrayList;
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
public final class OsAttributes {

  private OsAttributes() {}

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

  /** The merged options of the chain's sections that exist in {@code doc}. */
  public static Map<String, String> resolve(IniDocument doc, String providerName, String tag) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String name : chain(providerName, tag)) {
      doc.section(name)
          .ifPresent(s -> s.options().values().forEach(o -> options.put(o.name(), o.value())));
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
