package org.opengms.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opengms.config.GmsConfiguration;
import org.opengms.config.IniParser;
import org.opengms.service.ServiceCatalog;

class CallbackScenarioTest {

  private static final String FILE =
      """
      [callback]
      max_queued_callbacks_per_service = 0
      _wait_for_agent = true

      [service.dial]
      _type = builtin
      _service = callback
      _access_number = 555
      _user_confirm = true
      _max_queued_callbacks_per_service =

      [service.plain]
      _type = builtin
      _service = callback
      _wait_for_agent = false
      _max_queued_callbacks_per_service = 7
      """;

  private static CallbackOptions options(String service, Map<String, String> request)
      throws IOException {
    GmsConfiguration config =
        new GmsConfiguration(IniParser.parse("t.ini", new StringReader(FILE)));
    return CallbackOptions.of(
        config.get(ServiceCatalog.class).find(service).orElseThrow(),
        request,
        config.get(CallbackSettings.class));
  }

  @Test
  void shouldReadTheRequestBeforeTheServiceAndTheSection() throws IOException {
    CallbackScenario dial = CallbackScenario.of(options("dial", Map.of()));
    assertTrue(dial.userOriginated(), "an access number makes it user-originated");
    assertTrue(dial.waitForAgent(), "from [callback]");
    assertTrue(dial.confirm(), "_user_confirm is the older name");
    assertEquals("get-dialog-user-confirmation-provide_code-false", dial.actionOnAccept());

    CallbackScenario chat =
        CallbackScenario.of(
            options(
                "dial",
                Map.of(
                    "_media_type", "CHAT",
                    "_call_direction", "userterminated",
                    "_wait_for_user_confirm", "false")));
    assertTrue(chat.chat());
    assertFalse(chat.userOriginated());
    assertEquals("get-dialog-start-chat", chat.actionOnAccept());

    CallbackScenario plain = CallbackScenario.of(options("plain", Map.of()));
    assertFalse(plain.waitForAgent(), "the service's own value wins over the section");
    assertEquals("connect-outbound", plain.actionOnAccept());
  }

  @Test
  void shouldRefuseValuesGmsDoesNotKnow() {
    for (Map<String, String> bad :
        java.util.List.of(
            Map.of("_media_type", "fax"),
            Map.of("_call_direction", "both"),
            Map.of("_provide_code", "yes"))) {
      assertThrows(
          CallbackException.class,
          () -> CallbackScenario.of(options("plain", bad)),
          bad.toString());
    }
  }

  @Test
  void shouldInheritTheSectionsLimitWhenTheServiceValueIsEmpty() throws IOException {
    assertEquals(0, options("dial", Map.of()).number("_max_queued_callbacks_per_service", 1000));
    assertEquals(7, options("plain", Map.of()).number("_max_queued_callbacks_per_service", 1000));
  }

  @Test
  void shouldRefuseAFileWithScenarioValuesEveryStartWouldRefuse() {
    String service = "[service.x]\n_type = builtin\n_service = callback\n";
    for (String bad :
        java.util.List.of(
            service + "_media_type = fax\n",
            service + "_call_direction = both\n",
            service + "_wait_for_agent = sometimes\n",
            service + "_enable_status_notification = yes\n",
            service + "_chat_service = nowhere\n",
            "[callback]\nmedia_type = fax\n",
            "[tlist.L.properties]\n_enable_status_notification = 1\n")) {
      assertThrows(
          org.opengms.config.ConfigurationException.class,
          () -> new GmsConfiguration(IniParser.parse("t.ini", new StringReader(bad))),
          bad);
    }
    // tokens are checked per request
    assertEquals(
        "$m$",
        assertDoesNotThrowLoad(service + "_media_type = $m$\n")
            .get(ServiceCatalog.class)
            .find("x")
            .orElseThrow()
            .option("_media_type")
            .orElseThrow());
  }

  private static GmsConfiguration assertDoesNotThrowLoad(String text) {
    try {
      return new GmsConfiguration(IniParser.parse("t.ini", new StringReader(text)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
