package org.opengms.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.service.BuiltinService;

/**
 * Refuses, when the file loads, scenario and status-notification options a callback would refuse at
 * every start: in {@code [callback]}, in callback services and in transaction lists' {@code
 * properties}. A value holding a {@code $token$} is checked per request instead.
 */
final class CallbackOptionChecks {

  private static final Set<String> FLAGS =
      Set.of("_wait_for_agent", "_wait_for_user_confirm", "_user_confirm", "_provide_code");

  private CallbackOptionChecks() {}

  static void check(IniDocument doc) {
    List<IniDocument.Section> sections = new ArrayList<>();
    doc.section(CallbackSettings.SECTION).ifPresent(sections::add);
    for (IniDocument.Section s : doc.sectionsStartingWith("service.")) {
      if (s.value("_service").map(BuiltinService.CALLBACK::equals).orElse(false)) {
        sections.add(s);
      }
    }
    for (IniDocument.Section s : doc.sectionsStartingWith("tlist.")) {
      if (s.name().endsWith(".properties")) {
        sections.add(s);
      }
    }
    for (IniDocument.Section s : sections) {
      for (IniDocument.Option o : s.options().values()) {
        String key = o.name().startsWith("_") ? o.name() : "_" + o.name();
        String v = o.value().strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.contains("$")) {
          continue;
        }
        String allowed = allowed(key);
        if (allowed != null && !Set.of(allowed.split("\\|")).contains(v)) {
          throw new ConfigurationException(
              doc.source(),
              o.line(),
              "["
                  + s.name()
                  + "] "
                  + o.name()
                  + " must be "
                  + allowed.replace("|", " or ")
                  + ", not '"
                  + o.value()
                  + "'");
        }
        if (key.equals(CallbackSessions.CHAT_SERVICE)) {
          checkChatService(doc, s, o);
        }
      }
    }
  }

  private static String allowed(String key) {
    if (FLAGS.contains(key)) {
      return "true|false";
    }
    return switch (key) {
      case CallbackScenario.MEDIA_TYPE -> "voice|chat";
      case CallbackScenario.CALL_DIRECTION ->
          "userOriginated|userTerminated".toLowerCase(Locale.ROOT);
      case StatusNotificationOptions.ENABLE -> "true|false|subscribe_notify";
      default -> null;
    };
  }

  private static void checkChatService(
      IniDocument doc, IniDocument.Section s, IniDocument.Option o) {
    boolean chat =
        doc.section("service." + o.value().strip())
            .flatMap(c -> c.value("_service"))
            .map(
                t ->
                    t.equals(BuiltinService.REQUEST_CHAT)
                        || t.equals(BuiltinService.REQUEST_CHAT_POLL))
            .orElse(false);
    if (!chat) {
      throw new ConfigurationException(
          doc.source(),
          o.line(),
          "["
              + s.name()
              + "] "
              + o.name()
              + " names "
              + o.value()
              + ", which is not a request-chat service");
    }
  }
}
