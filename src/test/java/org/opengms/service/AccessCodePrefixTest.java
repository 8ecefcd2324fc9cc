package org.opengms.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.IniParser;

class AccessCodePrefixTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static IniDocument doc(String text) {
    try {
      return IniParser.parse("t.ini", new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AccessCodePrefix prefix(String value) {
    return AccessCodePrefix.from(doc("[server]\naccess_code_prefix = " + value + "\n"));
  }

  @Test
  void shouldBeginEveryCodeWithPrefixWhenDigitsOrRangeGiven() {
    assertTrue(prefix("42").newCode(6, RANDOM).matches("42\\d{4}"));
    Set<Character> firsts = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String code = prefix("7-9").newCode(4, RANDOM);
      assertTrue(code.matches("[7-9]\\d{3}"), code);
      firsts.add(code.charAt(0));
    }
    assertEquals(Set.of('7', '8', '9'), firsts, "every prefix of the range is used");
    assertTrue(prefix("05-07").newCode(5, RANDOM).matches("0[5-7]\\d{3}"));
    assertTrue(AccessCodePrefix.from(doc("[server]\n")).newCode(4, RANDOM).matches("\\d{4}"));
  }

  @Test
  void shouldRefuseFileWhenPrefixCannotWork() {
    for (String bad : new String[] {"x", "7-", "-7", "9-7", "1-23", "7,8", "1234567"}) {
      ConfigurationException e = assertThrows(ConfigurationException.class, () -> prefix(bad));
      assertTrue(e.getMessage().contains("t.ini:2"), e.getMessage());
    }
    ConfigurationException noRoom =
        assertThrows(
            ConfigurationException.class,
            () ->
                ServiceCatalog.from(
                    doc(
                        "[server]\naccess_code_prefix = 123\n[service.i]\n_type = builtin\n"
                            + "_service = request-interaction\n_access_number = 1\n"
                            + "_access_code_length = 3\n")));
    assertTrue(noRoom.getMessage().contains("t.ini:7"), noRoom.getMessage());
  }

  @Test
  void shouldRefuseFileWhenResourceGroupEmptyOrUnknown() {
    assertThrows(
        ConfigurationException.class, () -> ServiceCatalog.from(doc("[resources.empty]\n")));
    ConfigurationException unknown =
        assertThrows(
            ConfigurationException.class,
            () ->
                ServiceCatalog.from(
                    doc(
                        "[service.a]\n_type = builtin\n_service = request-access\n"
                            + "_resource_group = nope\n")));
    assertTrue(unknown.getMessage().contains("nope"), unknown.getMessage());
    assertEquals(
        java.util.List.of("800", "801"),
        ServiceCatalog.from(doc("[resources.g]\n800 = a\n801 =\n"))
            .resourceGroups()
            .numbers("g")
            .orElseThrow());
  }
}
