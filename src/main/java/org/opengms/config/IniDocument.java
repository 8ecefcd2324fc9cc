package org.opengms.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed INI file: sections in file order, each option remembering the line it came from. */
public final class IniDocument {

  /** One option value and where it was written, so validation errors can name the line. */
  public record Option(String name, String value, int line) {}

  /** One {@code [section]} with its options in file order. */
  public record Section(String name, int line, Map<String, Option> options) {

    public Optional<Option> option(String key) {
      return Optional.ofNullable(options.get(key));
    }

    public Optional<String> value(String key) {
      return option(key).map(Option::value);
    }
  }

  private final String source;
  private final Map<String, Section> sections;

  IniDocument(String source, Map<String, Section> sections) {
    this.source = source;
    this.sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
  }

  /** Where the document was read from (file path or resource name), for error messages. */
  public String source() {
    return source;
  }

  public Optional<Section> section(String name) {
    return Optional.ofNullable(sections.get(name));
  }

  /** Sections whose name starts with {@code prefix} (e.g. "service."), in file order. */
  public List<Section> sectionsStartingWith(String prefix) {
    return sections.values().stream().filter(s -> s.name().startsWith(prefix)).toList();
  }

  public Map<String, Section> sections() {
    return sections;
  }
}
