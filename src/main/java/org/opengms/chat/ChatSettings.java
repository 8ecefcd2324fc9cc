package org.opengms.chat;

import java.util.Locale;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;

/**
 * {@code [chat]}: limits and routing behaviour of the built-in chat engine.
 *
 * @param maxMessageBytes largest chat message or notice text in UTF-8 bytes ({@code
 *     max_message_bytes}, default 4096, like GMS desktops); larger → 413
 * @param requeueOnAgentLeave what happens when the agent of a chat leaves it ({@code
 *     on_agent_leave}): {@code end} (default) finishes the chat, {@code requeue} puts it back at
 *     the head of the queue for another agent
 */
public record ChatSettings(int maxMessageBytes, boolean requeueOnAgentLeave) {

  public static final String SECTION = "chat";

  /** Longest text a transcript event can hold, in characters (the column size). */
  public static final int MAX_TEXT_CHARS = 65_536;

  public static ChatSettings from(IniDocument doc) {
    int max = OptionValues.intValue(doc, SECTION, "max_message_bytes", 4096, 1, MAX_TEXT_CHARS);
    String onLeave =
        doc.section(SECTION)
            .flatMap(s -> s.value("on_agent_leave"))
            .orElse("end")
            .toLowerCase(Locale.ROOT);
    if (!onLeave.equals("end") && !onLeave.equals("requeue")) {
      int line =
          doc.section(SECTION)
              .flatMap(s -> s.option("on_agent_leave"))
              .map(IniDocument.Option::line)
              .orElse(0);
      throw new ConfigurationException(
          doc.source(), line, "on_agent_leave must be end or requeue, not '" + onLeave + "'");
    }
    return new ChatSettings(max, onLeave.equals("requeue"));
  }
}
