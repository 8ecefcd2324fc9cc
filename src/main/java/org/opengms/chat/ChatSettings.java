package org.opengms.chat;

import java.util.Locale;
import java.util.Optional;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;
import org.opengms.config.SettingsSection;
import org.opengms.service.ServiceDefinition;

/**
 * {@code [chat]}: limits and routing behaviour of the built-in chat engine. A chat service may
 * override the idle timeout ({@code _chat_idle_timeout}) and the agent-leave behaviour ({@code
 * _on_agent_leave}) for its own chats; both are checked when the file loads.
 *
 * @param maxMessageBytes largest chat message or notice text in UTF-8 bytes ({@code
 *     max_message_bytes}, default 4096, like GMS desktops); larger → 413
 * @param requeueOnAgentLeave what happens when the agent of a chat leaves it ({@code
 *     on_agent_leave}): {@code end} (default) finishes the chat, {@code requeue} puts it back at
 *     the head of the queue for another agent
 * @param idleTimeoutSeconds a chat without customer or agent activity for this long ends ({@code
 *     idle_timeout}, default 1800 like a web chat; 0 never)
 * @param idleAlertSeconds how long before that end a chat whose client is in the background gets an
 *     {@code IdleAlert} push ({@code idle_alert}, default 60; 0 none)
 * @param alias the host alias of this server in Chat API v2 answers ({@code alias}, default 1)
 */
public record ChatSettings(
    int maxMessageBytes,
    boolean requeueOnAgentLeave,
    int idleTimeoutSeconds,
    int idleAlertSeconds,
    String alias) {

  public static final String SECTION = "chat";

  /** Service option overriding {@code [chat] idle_timeout} for the service's chats. */
  public static final String SERVICE_IDLE_TIMEOUT = "_chat_idle_timeout";

  /** Service option overriding {@code [chat] on_agent_leave} for the service's chats. */
  public static final String SERVICE_ON_AGENT_LEAVE = "_on_agent_leave";

  /** Service option overriding {@code [chat] idle_alert} for the service's chats. */
  public static final String SERVICE_IDLE_ALERT = "_chat_idle_alert";

  /** Longest text a transcript event can hold, in characters (the column size). */
  public static final int MAX_TEXT_CHARS = 65_536;

  private static final int MAX_IDLE_TIMEOUT = 7 * 86_400;

  public static ChatSettings from(IniDocument doc) {
    int max = OptionValues.intValue(doc, SECTION, "max_message_bytes", 4096, 1, MAX_TEXT_CHARS);
    boolean requeue = onAgentLeave(doc, SECTION, "on_agent_leave").orElse(false);
    int idle = OptionValues.intValue(doc, SECTION, "idle_timeout", 1800, 0, MAX_IDLE_TIMEOUT);
    int alert = OptionValues.intValue(doc, SECTION, "idle_alert", 60, 0, MAX_IDLE_TIMEOUT);
    for (IniDocument.Section s : doc.sectionsStartingWith("service.")) {
      OptionValues.intValue(doc, s.name(), SERVICE_IDLE_TIMEOUT, 0, 0, MAX_IDLE_TIMEOUT);
      OptionValues.intValue(doc, s.name(), SERVICE_IDLE_ALERT, 0, 0, MAX_IDLE_TIMEOUT);
      onAgentLeave(doc, s.name(), SERVICE_ON_AGENT_LEAVE);
    }
    String alias =
        doc.section(SECTION).flatMap(c -> c.value("alias")).filter(a -> !a.isBlank()).orElse("1");
    return new ChatSettings(max, requeue, idle, alert, alias.strip());
  }

  /** Whether chats of {@code service} (when still configured) go back to the queue. */
  public boolean requeueOnAgentLeave(Optional<ServiceDefinition> service) {
    return service
        .flatMap(d -> d.option(SERVICE_ON_AGENT_LEAVE))
        .map(v -> v.strip().equalsIgnoreCase("requeue"))
        .orElse(requeueOnAgentLeave);
  }

  /** The idle timeout of chats of {@code service} (when still configured), 0 for never. */
  public int idleTimeoutSeconds(Optional<ServiceDefinition> service) {
    return service
        .flatMap(d -> d.option(SERVICE_IDLE_TIMEOUT))
        .filter(v -> !v.isBlank())
        .map(v -> Integer.parseInt(v.strip()))
        .orElse(idleTimeoutSeconds);
  }

  /** How long before the idle end of chats of {@code service} the alert goes, 0 for none. */
  public int idleAlertSeconds(Optional<ServiceDefinition> service) {
    return service
        .flatMap(d -> d.option(SERVICE_IDLE_ALERT))
        .filter(v -> !v.isBlank())
        .map(v -> Integer.parseInt(v.strip()))
        .orElse(idleAlertSeconds);
  }

  /** {@code end} → false, {@code requeue} → true, absent → empty; anything else is refused. */
  private static Optional<Boolean> onAgentLeave(IniDocument doc, String section, String key) {
    Optional<IniDocument.Option> option = doc.section(section).flatMap(s -> s.option(key));
    if (option.isEmpty() || option.get().value().isBlank()) {
      return Optional.empty();
    }
    String value = option.get().value().strip().toLowerCase(Locale.ROOT);
    if (!value.equals("end") && !value.equals("requeue")) {
      throw new ConfigurationException(
          doc.source(),
          option.get().line(),
          "[" + section + "] " + key + " must be end or requeue, not '" + value + "'");
    }
    return Optional.of(value.equals("requeue"));
  }

  /** Registers these settings with the configuration ({@code META-INF/services}). */
  public static final class Section extends SettingsSection<ChatSettings> {
    public Section() {
      super(ChatSettings.class, ChatSettings::from);
    }
  }
}
