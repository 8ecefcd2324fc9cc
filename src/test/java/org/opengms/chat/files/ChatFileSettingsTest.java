package org.opengms.chat.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.IniParser;
import org.opengms.service.ServiceDefinition;

class ChatFileSettingsTest {

  private static IniDocument doc(String text) throws IOException {
    return IniParser.parse("t.ini", new StringReader(text));
  }

  @Test
  void shouldUseDefaultsWhenNothingIsSet() throws IOException {
    ChatFileSettings settings = ChatFileSettings.from(doc(""));
    ChatFileLimits limits = settings.limits();
    assertEquals(10, limits.maxFiles());
    assertEquals(10L << 20, limits.maxFileSize());
    assertEquals(List.of("jpg", "jpeg", "png", "gif", "pdf", "txt"), limits.types());
    assertFalse(limits.needAgent());
    assertTrue(limits.deleteEnabled());
    assertEquals(86_400, limits.retentionSeconds());
    assertEquals(60, settings.sweepIntervalSeconds());
  }

  @Test
  void shouldLetServiceOverrideEachLimit() throws IOException {
    IniDocument doc =
        doc(
            "[chat]\nfile_max_files = 5\nfile_types = .TXT, pdf\n"
                + "[service.s]\n_type = builtin\n_service = request-chat\n"
                + "_chat_file_max_files = 2\n_chat_file_need_agent = true\n"
                + "_chat_file_types = png:gif\n");
    ChatFileSettings settings = ChatFileSettings.from(doc);
    ServiceDefinition s = new ServiceDefinition("s", "builtin", "request-chat", 3600, Map.of());
    ChatFileLimits own = settings.limits(Optional.of(s));
    assertEquals(2, own.maxFiles());
    assertTrue(own.needAgent());
    assertEquals(List.of("png", "gif"), own.types());
    assertTrue(own.allows("Photo.PNG"));
    assertFalse(own.allows("notes.txt"));
    assertFalse(own.allows("png"));
    ChatFileLimits server = settings.limits(Optional.empty());
    assertEquals(5, server.maxFiles());
    assertEquals(List.of("txt", "pdf"), server.types());
  }

  @Test
  void shouldRefuseBadValuesWhenTheFileLoads() {
    assertThrows(
        ConfigurationException.class,
        () -> ChatFileSettings.from(doc("[chat]\nfile_max_file_size = 0\n")));
    assertThrows(
        ConfigurationException.class,
        () -> ChatFileSettings.from(doc("[chat]\nfile_types = jpg:../x\n")));
    assertThrows(
        ConfigurationException.class,
        () ->
            ChatFileSettings.from(
                doc("[service.s]\n_type = builtin\n_chat_file_need_agent = maybe\n")));
  }
}
