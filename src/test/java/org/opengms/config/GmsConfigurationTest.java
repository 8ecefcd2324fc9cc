package org.opengms.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opengms.comet.CometSettings;
import org.opengms.patterns.PatternCatalog;
import org.opengms.security.UserSettings;
import org.opengms.service.ServiceCatalog;

class GmsConfigurationTest {

  private static GmsConfiguration load(String text) throws IOException {
    return new GmsConfiguration(IniParser.parse("t.ini", new StringReader(text)));
  }

  @Test
  void shouldLoadShippedDefaultConfigurationWithEveryBuiltInService() throws IOException {
    try (Reader reader = Files.newBufferedReader(Path.of("server-config/gms.ini"))) {
      GmsConfiguration config =
          new GmsConfiguration(IniParser.parse("server-config/gms.ini", reader));

      assertTrue(config.get(ServiceCatalog.class).find("request-chat").isPresent());
      assertTrue(config.get(ServiceCatalog.class).find("request-chat-poll").isPresent());
      assertTrue(config.get(ServiceCatalog.class).find("request-interaction").isPresent());
      assertTrue(config.get(PatternCatalog.class).general().containsKey("email"));
      assertTrue(config.get(PatternCatalog.class).general().containsKey("911"));
      assertTrue(
          config
              .get(PatternCatalog.class)
              .group("patterns_def1")
              .orElseThrow()
              .containsKey("email"));
      assertTrue(config.get(UserSettings.class).find("admin").orElseThrow().hasRole("admin"));
      assertTrue(
          config.get(UserSettings.class).plainTextLogins().isEmpty(),
          "shipped passwords are hashes");
    }
  }

  @Test
  void shouldUseDefaultsWhenSectionsAreAbsent() throws IOException {
    GmsConfiguration config = load("");

    assertEquals(20L * 1024 * 1024, config.server().maxRequestBytes());
    assertEquals(100, config.get(org.opengms.api.FormLimits.class).maxKeys());
    assertEquals(65536, config.get(org.opengms.api.FormLimits.class).maxValueBytes());
    assertTrue(config.get(ServiceCatalog.class).services().isEmpty());
    assertEquals(20_000, config.get(CometSettings.class).timeoutMillis());
    assertEquals(10_000, config.get(CometSettings.class).maxIntervalMillis());
    assertEquals(1_000, config.get(CometSettings.class).maxQueue());
    assertEquals(10, config.get(CometSettings.class).maxSessionsPerUser());
  }

  @Test
  void shouldReadCometdSectionWhenPresent() throws IOException {
    GmsConfiguration config =
        load("[cometd]\ntimeout = 30000\nmax_queue = 50\nmax_message_bytes = 2048\n");

    assertEquals(30_000, config.get(CometSettings.class).timeoutMillis());
    assertEquals(50, config.get(CometSettings.class).maxQueue());
    assertEquals(2048, config.get(CometSettings.class).maxMessageBytes());
    assertEquals(40_000, config.get(CometSettings.class).webSocketIdleTimeoutMillis());
  }

  @Test
  void shouldRefuseWithLineWhenValueIsInvalid() {
    assertLine(3, "[storage]\n; c\nmax_keys = many\n");
    assertLine(2, "[server]\nmax_request_bytes = -1\n");
    assertLine(3, "[service.x]\n_service = request-chat\n_type = magic\n");
    assertLine(3, "[service.x]\n_type = builtin\n_service = teleport\n");
    assertLine(1, "[service.x]\n_service = request-chat\n");
    assertLine(3, "[patterns]\nok = a+\nbad = (unclosed\n");
    assertLine(1, "[service.i]\n_type = builtin\n_service = request-interaction\n");
    assertLine(3, "[user.x]\npassword = p\nroles = agent, wizard\n");
    assertLine(2, "[cometd]\nmax_queue = 0\n");
    assertLine(3, "[cometd]\ntimeout = 1000\nmax_interval = soon\n");
  }

  private static void assertLine(int line, String text) {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(text));
    assertTrue(e.getMessage().startsWith("t.ini:" + line + ": "), e.getMessage());
  }
}
