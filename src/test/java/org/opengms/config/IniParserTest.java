package org.opengms.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class IniParserTest {

  private static IniDocument parse(String text) throws IOException {
    return IniParser.parse("test.ini", new StringReader(text));
  }

  @Test
  void shouldKeepDottedSectionNamesAndLinesWhenParsing() throws IOException {
    IniDocument doc =
        parse(
            "; comment\n[push.provider.apple.event.chat]\n  badge = 1 \n# other\n[service.a]\n_type=builtin\n");

    IniDocument.Section push = doc.section("push.provider.apple.event.chat").orElseThrow();
    assertEquals("1", push.value("badge").orElseThrow());
    assertEquals(3, push.option("badge").orElseThrow().line());
    assertEquals(
        List.of("push.provider.apple.event.chat", "service.a"),
        List.copyOf(doc.sections().keySet()));
    assertEquals(1, doc.sectionsStartingWith("service.").size());
  }

  @Test
  void shouldKeepEqualsSignsInValues() throws IOException {
    assertEquals(
        "a=b=c", parse("[s]\nk = a=b=c\n").section("s").orElseThrow().value("k").orElseThrow());
  }

  @Test
  void shouldNameFileAndLineWhenSyntaxIsBroken() {
    ConfigurationException noEquals =
        assertThrows(ConfigurationException.class, () -> parse("[s]\nk = v\njunk\n"));
    assertTrue(noEquals.getMessage().startsWith("test.ini:3: "), noEquals.getMessage());

    ConfigurationException outside =
        assertThrows(ConfigurationException.class, () -> parse("k = v\n"));
    assertTrue(outside.getMessage().startsWith("test.ini:1: "), outside.getMessage());

    ConfigurationException duplicate =
        assertThrows(ConfigurationException.class, () -> parse("[s]\nk=1\nk=2\n"));
    assertTrue(
        duplicate.getMessage().contains("test.ini:3: ")
            && duplicate.getMessage().contains("line 2"));

    assertThrows(ConfigurationException.class, () -> parse("[s]\n[s]\n"));
    assertThrows(ConfigurationException.class, () -> parse("[s\n"));
  }
}
