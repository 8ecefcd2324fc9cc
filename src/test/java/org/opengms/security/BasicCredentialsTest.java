package org.opengms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

  private static String basic(String raw) {
    return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldSplitAtTheFirstColonWhenHeaderIsBasic() {
    assertEquals(
        Optional.of(new BasicCredentials("agent1", "pa:ss wörd")),
        BasicCredentials.parse(basic("agent1:pa:ss wörd")));
    assertEquals(
        Optional.of(new BasicCredentials("agent1", "x")),
        BasicCredentials.parse("basic " + basic("agent1:x").substring(6)));
  }

  @Test
  void shouldGiveNothingWhenHeaderIsNotUsableBasic() {
    assertTrue(BasicCredentials.parse(null).isEmpty());
    assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
    assertTrue(BasicCredentials.parse(basic("no-colon")).isEmpty());
    assertTrue(BasicCredentials.parse("Basic %%%").isEmpty());
  }

  @Test
  void shouldNeverShowThePasswordWhenPrinted() {
    assertFalse(new BasicCredentials("agent1", "secret").toString().contains("secret"));
  }
}
