package org.opengms.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniParser;

class ChatSettingsTest {

  private static ChatSettings load(String text) throws IOException {
    return ChatSettings.from(IniParser.parse("t.ini", new StringReader(text)));
  }

  @Test
  void shouldUseGmsDesktopLimitAndEndWhenSectionIsAbsent() throws IOException {
    ChatSettings settings = load("");

    assertEquals(4096, settings.maxMessageBytes());
    assertFalse(settings.requeueOnAgentLeave());
    assertEquals(1800, settings.idleTimeoutSeconds());
  }

  @Test
  void shouldLetServiceOverrideIdleTimeoutAndAgentLeave() throws IOException {
    String text =
        "[chat]\nidle_timeout = 600\non_agent_leave = end\n"
            + "[service.chat]\n_type = builtin\n_service = request-chat\n"
            + "_chat_idle_timeout = 30\n_on_agent_leave = requeue\n";
    org.opengms.config.IniDocument doc = IniParser.parse("t.ini", new StringReader(text));
    ChatSettings settings = ChatSettings.from(doc);
    org.opengms.service.ServiceDefinition service =
        new org.opengms.service.ServiceDefinition(
            "chat",
            "builtin",
            "request-chat",
            3600,
            java.util.Map.of("_chat_idle_timeout", "30", "_on_agent_leave", "requeue"));
    org.opengms.service.ServiceDefinition plain =
        new org.opengms.service.ServiceDefinition(
            "plain", "builtin", "request-chat", 3600, java.util.Map.of());

    assertEquals(30, settings.idleTimeoutSeconds(java.util.Optional.of(service)));
    assertTrue(settings.requeueOnAgentLeave(java.util.Optional.of(service)));
    assertEquals(600, settings.idleTimeoutSeconds(java.util.Optional.of(plain)));
    assertFalse(settings.requeueOnAgentLeave(java.util.Optional.of(plain)));
    assertEquals(600, settings.idleTimeoutSeconds(java.util.Optional.empty()));
    assertEquals(0, load("[chat]\nidle_timeout = 0\n").idleTimeoutSeconds(), "never");
  }

  @Test
  void shouldRequeueWhenConfigured() throws IOException {
    assertTrue(load("[chat]\non_agent_leave = Requeue\n").requeueOnAgentLeave());
  }

  @Test
  void shouldRefuseFileWhenValuesAreBad() {
    assertThrows(ConfigurationException.class, () -> load("[chat]\non_agent_leave = maybe\n"));
    assertThrows(ConfigurationException.class, () -> load("[chat]\nmax_message_bytes = 0\n"));
    assertThrows(ConfigurationException.class, () -> load("[chat]\nmax_message_bytes = 70000\n"));
    assertThrows(ConfigurationException.class, () -> load("[chat]\nidle_timeout = -1\n"));
    assertThrows(
        ConfigurationException.class,
        () -> load("[service.c]\n_type = builtin\n_chat_idle_timeout = soon\n"));
    assertThrows(
        ConfigurationException.class,
        () -> load("[service.c]\n_type = builtin\n_on_agent_leave = transfer\n"));
  }
}
