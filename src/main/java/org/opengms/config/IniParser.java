package org.opengms.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the INI dialect of our configuration file: {@code [section]} headers, {@code name = value}
 * options, {@code ;} or {@code #} comment lines. Section and option names are case-sensitive and
 * may contain dots and dashes, as GMS names them in Configuration Server ({@code
 * [push.provider.apple.event.chat]}).
 *
 * <p>Written here rather than taken from a library: ini4j is unmaintained, and Commons
 * Configuration splits section names at dots and loses line numbers, which our start-up errors must
 * name.
 */
public final class IniParser {

  private IniParser() {}

  public static IniDocument parse(String source, Reader text) throws IOException {
    Map<String, Map<String, IniDocument.Option>> options = new LinkedHashMap<>();
    Map<String, Integer> sectionLines = new LinkedHashMap<>();
    String current = null;
    int lineNo = 0;
    BufferedReader reader = new BufferedReader(text);
    for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
      lineNo++;
      String line = lineNo == 1 ? stripBom(raw).strip() : raw.strip();
      if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]") || line.length() < 3) {
          throw new ConfigurationException(source, lineNo, "malformed section header: " + line);
        }
        current = line.substring(1, line.length() - 1).strip();
        if (sectionLines.containsKey(current)) {
          throw new ConfigurationException(
              source,
              lineNo,
              "section [" + current + "] already defined at line " + sectionLines.get(current));
        }
        sectionLines.put(current, lineNo);
        options.put(current, new LinkedHashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new ConfigurationException(source, lineNo, "expected 'name = value', found: " + line);
      }
      if (current == null) {
        throw new ConfigurationException(source, lineNo, "option outside of any [section]");
      }
      String name = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      Map<String, IniDocument.Option> section = options.get(current);
      IniDocument.Option previous = section.get(name);
      if (previous != null) {
        throw new ConfigurationException(
            source,
            lineNo,
            "option '" + name + "' of [" + current + "] already set at line " + previous.line());
      }
      section.put(name, new IniDocument.Option(name, value, lineNo));
    }
    Map<String, IniDocument.Section> sections = new LinkedHashMap<>();
    options.forEach(
        (name, opts) ->
            sections.put(
                name,
                new IniDocument.Section(
                    name, sectionLines.get(name), Collections.unmodifiableMap(opts))));
    return new IniDocument(source, sections);
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
