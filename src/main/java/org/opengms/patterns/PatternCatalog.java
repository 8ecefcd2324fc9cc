package org.opengms.patterns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;

/**
 * The patterns of the configuration, compiled once per configuration version: the general list
 * {@code [patterns]} ({@code name = regex}) and the groups {@code [patterns.<group>]}. A bad regex
 * refuses the file with its line.
 *
 * @param matchTimeoutMillis {@code [server] pattern_match_timeout_ms}: the longest one value may be
 *     matched against one pattern (default 100 ms); see {@link PatternMatcher}
 */
public record PatternCatalog(
    Map<String, Pattern> general,
    Map<String, Map<String, Pattern>> groups,
    long matchTimeoutMillis) {

  public static final String SECTION = "patterns";

  public static PatternCatalog from(IniDocument doc) {
    Map<String, Pattern> general = doc.section(SECTION).map(s -> compile(doc, s)).orElse(Map.of());
    Map<String, Map<String, Pattern>> groups = new LinkedHashMap<>();
    for (IniDocument.Section s : doc.sectionsStartingWith(SECTION + ".")) {
      groups.put(s.name().substring(SECTION.length() + 1), compile(doc, s));
    }
    long timeout =
        OptionValues.longValue(doc, "server", "pattern_match_timeout_ms", 100, 1, 60_000);
    return new PatternCatalog(general, groups, timeout);
  }

  public Optional<Map<String, Pattern>> group(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  private static Map<String, Pattern> compile(IniDocument doc, IniDocument.Section section) {
    Map<String, Pattern> compiled = new LinkedHashMap<>();
    for (IniDocument.Option o : section.options().values()) {
      try {
        compiled.put(o.name(), Pattern.compile(o.value()));
      } catch (PatternSyntaxException e) {
        throw new ConfigurationException(
            doc.source(),
            o.line(),
            "pattern '"
                + o.name()
                + "' of ["
                + section.name()
                + "] is not a valid regular expression: "
                + e.getDescription());
      }
    }
    return java.util.Collections.unmodifiableMap(compiled);
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<PatternCatalog> {
    public Section() {
      super(PatternCatalog.class, PatternCatalog::from);
    }
  }
}
