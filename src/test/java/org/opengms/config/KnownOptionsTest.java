package org.opengms.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every option the server reads is known to {@link KnownOptions} (checked against the option names
 * the sources read), commented in {@code server-config/gms.ini} and documented in {@code
 * docs/configuration.md}; a misspelt option of a closed section is warned about with its line and
 * the closest known name.
 */
class KnownOptionsTest {

  private static List<String> warnings(String text) throws IOException {
    return UnknownOptions.of(IniParser.parse("t.ini", new StringReader(text)));
  }

  @Test
  void shouldWarnAboutMisspeltOptionWithLineAndClosestName() throws IOException {
    List<String> w =
        warnings(
            "[storage]\nmax_keys = 5\nmax_keyz = 5\n[push]\npushEnabeld = comet\n"
                + "[user.bob]\npassword = x\nrolse = agent\n[push.provider.p]\nfcm.projekt = a\n");

    assertEquals(
        List.of(
            "t.ini:3: unknown option 'max_keyz' in [storage] is ignored; did you mean 'max_keys'?",
            "t.ini:5: unknown option 'pushEnabeld' in [push] is ignored; did you mean"
                + " 'pushEnabled'?",
            "t.ini:8: unknown option 'rolse' in [user.bob] is ignored; did you mean 'roles'?"),
        w);
  }

  @Test
  void shouldNotWarnInSectionsWhoseOptionsAreOpenEnded() throws IOException {
    assertEquals(
        List.of(),
        warnings(
            "[service.x]\n_type = builtin\n_anything = 1\n[callback]\n_media_type = chat\n"
                + "[patterns]\nmy_pattern = a\n[resources.g]\n8005550100 = line\n"
                + "[tlist.l.services]\nall = true\n[push]\napple.sound = ping\n"
                + "[push.provider.event.chat]\napple.badge = 1\n"
                + "[push.provider.p.event]\nfcm.title = t\n[my.own.section]\nx = 1\n"));
  }

  @Test
  void shouldNotWarnAboutShippedAndTestConfigurations() throws IOException {
    List<Path> files = new java.util.ArrayList<>();
    files.add(Path.of("server-config/gms.ini"));
    files.add(Path.of("bench/chat-gms.ini"));
    try (Stream<Path> test = Files.list(Path.of("src/test/resources"))) {
      test.filter(p -> p.toString().endsWith(".ini")).forEach(files::add);
    }
    for (Path file : files) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        assertEquals(
            List.of(), UnknownOptions.of(IniParser.parse(file.toString(), r)), file.toString());
      }
    }
  }

  /** Every option name the main sources read by a literal or a constant is a known option. */
  @Test
  void shouldKnowEveryOptionTheSourcesRead() throws IOException {
    Set<String> known = allKnown();
    Set<String> unknown = new TreeSet<>();
    for (String name : optionsReadBySources()) {
      if (!known.contains(name) && !NOT_OPTIONS.contains(name)) {
        unknown.add(name);
      }
    }
    assertEquals(Set.of(), unknown, "read by the sources but not in KnownOptions");
  }

  @Test
  void shouldHaveEveryKnownOptionInShippedFile() throws IOException {
    String ini = Files.readString(Path.of("server-config/gms.ini"), StandardCharsets.UTF_8);
    Set<String> missing = new TreeSet<>();
    for (String name : allKnown()) {
      String base = name.replace("<n>", "");
      Pattern written =
          Pattern.compile(
              "(?m)^[;#]?\\s*"
                  + Pattern.quote(base)
                  + (name.endsWith("<n>") ? "\\w*" : "")
                  + "\\s*=");
      if (!written.matcher(ini).find()) {
        missing.add(name);
      }
    }
    assertEquals(Set.of(), missing, "not written (commented or not) in server-config/gms.ini");
  }

  @Test
  void shouldDocumentEveryKnownOption() throws IOException {
    String doc = Files.readString(Path.of("docs/configuration.md"), StandardCharsets.UTF_8);
    Set<String> missing = new TreeSet<>();
    for (String name : allKnown()) {
      if (!doc.contains("`" + name + "`")) {
        missing.add(name);
      }
    }
    assertEquals(Set.of(), missing, "not documented in docs/configuration.md");
  }

  /**
   * Literals the scan below finds in reads that are not options: request parameters and JSON fields
   * read from the same maps as options (a request value wins over an option of the same name), and
   * prefixes of composed option names.
   */
  private static final Set<String> NOT_OPTIONS =
      Set.of(
          "apple", // PushProviders: prefix of apple.trust_store(_password)
          "fcm", // and of fcm.trust_store(_password)
          "_ors_session_id", // a callback property set by the execution service, read like options
          "_throttle_callbacks_per_service_", // the prefix of _throttle_callbacks_per_service_<n>
          "_throttle_ttl_"); // and of _throttle_ttl_<n>

  private static Set<String> allKnown() {
    Set<String> all = new HashSet<>();
    KnownOptions.closedSections().values().forEach(all::addAll);
    all.addAll(KnownOptions.SERVICE_OPTIONS);
    all.addAll(KnownOptions.CALLBACK_OPTIONS);
    all.addAll(KnownOptions.TLIST_OPTIONS);
    return all;
  }

  private static final String ARG =
      "(?:(?:\\w+|\"[^\"]*\")\\s*\\+\\s*)?(?:\"([A-Za-z_][\\w.\\-]*)\"|(?:\\w+\\.)?([A-Z][A-Z0-9_]+)\\b)";

  /** The ways the sources read an option, each ending in the option's name (ARG). */
  private static final List<Pattern> READS =
      Stream.of(
              "OptionValues\\.\\w+Value\\(\\s*\\w+,\\s*[^,]+,\\s*" + ARG,
              "\\.(?:option|value)\\(\\s*" + ARG + "\\s*\\)",
              "\\b(?:options|defaults|d\\.options\\(\\)|definition\\.options\\(\\))"
                  + "\\.(?:get|flag|number|listOption|containsKey|getOrDefault)\\(\\s*"
                  + ARG,
              "StatusNotificationOptions\\.get\\(\\s*\\w+,\\s*\\w+,\\s*" + ARG,
              "\\w+\\(\\s*doc,\\s*s,\\s*" + ARG,
              "\\b(?:value|flag|list)\\(\\s*\\w+,\\s*(?:\\w+,\\s*)?" + ARG)
          .map(Pattern::compile)
          .toList();

  private static Set<String> optionsReadBySources() throws IOException {
    Map<String, String> sources = new HashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/opengms"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    Map<String, Set<String>> constants = new HashMap<>();
    Pattern constant = Pattern.compile("static final String (\\w+)\\s*=\\s*\"([^\"]*)\"");
    for (String text : sources.values()) {
      Matcher m = constant.matcher(text);
      while (m.find()) {
        constants.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(2));
      }
    }
    Set<String> names = new TreeSet<>();
    for (String text : sources.values()) {
      for (Pattern read : READS) {
        Matcher m = read.matcher(text);
        while (m.find()) {
          if (m.group(1) != null) {
            names.add(m.group(1));
          } else {
            names.addAll(constants.getOrDefault(m.group(2), Set.of()));
          }
        }
      }
    }
    assertTrue(names.contains("max_keys") && names.contains("_media_type"), "the scan works");
    return names;
  }
}
