package org.opengms.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTokensTest {

  @Test
  void shouldReplaceTokensNamedByRequestAndKeepOthers() {
    assertEquals(
        "queue MYVQ of $tenant$",
        ConfigTokens.substitute(
            "queue $vq_name_token$ of $tenant$", Map.of("vq_name_token", "MYVQ")));
  }

  @Test
  void shouldReplaceEveryOccurrenceAndQuoteReplacement() {
    assertEquals("a$1\\b a$1\\b", ConfigTokens.substitute("$t$ $t$", Map.of("t", "a$1\\b")));
  }

  @Test
  void shouldLeaveValuesWithoutTokensAlone() {
    assertEquals("plain $ value", ConfigTokens.substitute("plain $ value", Map.of("x", "y")));
  }
}
