package org.opengms.service;

import org.opengms.calendar.CalendarOptions;
import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;

/** Names of the built-in services and the options each one requires. */
public final class BuiltinService {

  public static final String REQUEST_CHAT = "request-chat";
  public static final String REQUEST_CHAT_POLL = "request-chat-poll";
  public static final String REQUEST_INTERACTION = "request-interaction";
  public static final String OFFICE_HOURS = "office-hours";
  public static final String CAPACITY = "capacity";
  public static final String CALLBACK = "callback";

  private BuiltinService() {}

  static void validate(ServiceDefinition d, IniDocument doc, IniDocument.Section s) {
    CalendarOptions.validate(d, doc, s);
    if (d.isBuiltin(REQUEST_INTERACTION)) {
      if (d.option("_access_number").filter(v -> !v.isBlank()).isEmpty()) {
        throw new ConfigurationException(
            doc.source(),
            s.line(),
            "[" + s.name() + "] (request-interaction) needs _access_number");
      }
      OptionValues.intValue(doc, s.name(), "_access_code_length", 4, 3, 12);
    }
  }
}
