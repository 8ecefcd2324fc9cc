package org.opengms.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalizationTest {

  private final Localization file = read();

  private static Localization read() {
    try {
      return Localization.read(Path.of("server-config/localization.xml"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldPickExactLanguageThenLanguageWithoutCountryThenFirstLocale() {
    assertEquals("Willkommen", file.text("welcome", "de", Map.of()).orElseThrow());
    assertEquals("Bonjour", file.text("welcome", "fr_CA", Map.of()).orElseThrow());
    assertEquals("Welcome", file.text("welcome", "en-US", Map.of()).orElseThrow());
    assertEquals("Welcome", file.text("welcome", "ja", Map.of()).orElseThrow());
    assertEquals("Welcome", file.text("welcome", null, Map.of()).orElseThrow());
    assertEquals("\u00A1Hola", file.text("welcome", "es", Map.of()).orElseThrow());
  }

  @Test
  void shouldReplaceArgumentsFromFlatOrNestedProperties() {
    assertEquals(
        "Sehr geehrter Kunde Doe, wie können Sie daran erinnert werden",
        file.text("welcomeArgs", "de", Map.of("customer.lastname", "Doe")).orElseThrow());
    assertEquals(
        "Cher client Doe, comment pouvez-vous être rappelé",
        file.text("welcomeArgs", "fr", Map.of("customer", Map.of("lastname", "Doe")))
            .orElseThrow());
    assertEquals(
        "Hi Doe.",
        Localization.replaceArguments(
            "Hi $customer.lastname$.", Map.of("customer.lastname", "Doe")));
    assertEquals(
        "Hi Doe.",
        Localization.replaceArguments(
            "Hi $customer.lastname.", Map.of("customer.lastname", "Doe")));
    assertEquals("Hi $unknown", Localization.replaceArguments("Hi $unknown", Map.of()));
  }

  @Test
  void shouldKnowWhichMessagesExist() {
    assertTrue(file.has("welcome"));
    assertTrue(!file.has("nope"));
  }
}
