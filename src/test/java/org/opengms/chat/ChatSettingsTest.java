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
  }
}
