package org.opengms.callback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opengms.config.IniDocument;

/**
 * The {@code [tlist.<list>.<part>]} sections a callback service may name: {@code
 * _callback_events_list} (parts {@code properties} and one per status event) and {@code
 * _paused_services_list} (part {@code services}). Read once per configuration version, so a request
 * never walks the INI document.
 */
public record TransactionLists(Map<String, Map<String, String>> parts) {

  private static final String PREFIX = "tlist.";

  static TransactionLists from(IniDocument doc) {
    Map<String, Map<String, String>> parts = new LinkedHashMap<>();
    for (IniDocument.Section s : doc.sectionsStartingWith(PREFIX)) {
      Map<String, String> options = new LinkedHashMap<>();
      s.options().forEach((k, o) -> options.put(k, o.value()));
      parts.put(s.name().substring(PREFIX.length()), Map.copyOf(options));
    }
    return new TransactionLists(Map.copyOf(parts));
  }

  /** The options of {@code [tlist.<list>.<part>]}, if the file has that section. */
  public Optional<Map<String, String>> part(String list, String part) {
    return Optional.ofNullable(parts.get(list + "." + part));
  }

  /** One option of that section, if set and not blank. */
  public Optional<String> value(String list, String part, String key) {
    return part(list, part).map(o -> o.get(key)).filter(v -> !v.isBlank());
  }
}
