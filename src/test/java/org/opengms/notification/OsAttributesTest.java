package org.opengms.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengms.config.IniDocument;
import org.opengms.config.IniParser;

/**
 * The reference's worked example: provider SalesApp, tag A2C.service.statuschanged.agentavailable.
 */
class OsAttributesTest {

  private static final String[] SECTIONS = {
    "push", // 0
    "push.provider.event", // 1
    "push.provider.event.internal", // 2
    "push.provider.event.internal.advanced", // 3
    "push.provider.event.A2C", // 4
    "push.provider.event.A2C.service", // 5
    "push.provider.event.A2C.service.statuschanged", // 6
    "push.provider.event.A2C.service.internal", // 7
    "push.provider.event.A2C.service.statuschanged.agentavailable", // 8
    "push.provider.SalesApp.event", // 9
    "push.provider.SalesApp.event.A2C.service.internal", // 10
    "push.provider.SalesApp.event.A2C.service.statuschanged" // 11
  };

  @Test
  void shouldTraverseReferenceChainFromMostGeneralToMostSpecific() throws IOException {
    StringBuilder ini = new StringBuilder();
    for (int i = 0; i < SECTIONS.length; i++) {
      // every section sets "trace" (last one applied wins) and its own "sN" marker
      ini.append('[')
          .append(SECTIONS[i])
          .append("]\ntrace = ")
          .append(i)
          .append("\ns")
          .append(i)
          .append(" = x\n");
    }
    IniDocument doc = IniParser.parse("t.ini", new StringReader(ini.toString()));

    Map<String, String> resolved =
        OsAttributes.from(doc).resolve("SalesApp", "A2C.service.statuschanged.agentavailable");

    List<String> applied =
        resolved.keySet().stream().filter(k -> k.startsWith("s")).map(k -> k.substring(1)).toList();
    assertEquals(List.of("0", "1", "4", "5", "6", "8", "9", "11"), applied);
    assertEquals("11", resolved.get("trace"));
  }

  @Test
  void shouldLetMoreSpecificSectionOverrideOnlyTheOptionsItSets() throws IOException {
    IniDocument doc =
        IniParser.parse(
            "t.ini",
            new StringReader(
                "[push]\napple.sound = default.aiff\napple.badge = 1\n"
                    + "[push.provider.event.chat]\napple.badge = 5\n"
                    + "[push.provider.Sales.event.chat.message]\napple.sound = bingbong.aiff\n"));

    assertEquals(
        Map.of("apple.sound", "bingbong.aiff", "apple.badge", "5"),
        OsAttributes.from(doc).resolve("Sales", "chat.message"));
    assertEquals(
        Map.of("apple.sound", "default.aiff", "apple.badge", "5"),
        OsAttributes.from(doc).resolve(null, "chat.message"));
  }
}
