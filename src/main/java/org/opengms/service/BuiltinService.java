package org.opengms.service;

import org.opengms.config.ConfigurationException;
import org.opengms.config.IniDocument;
import org.opengms.config.OptionValues;

/** Names of the built-in services and the options each one requires. */
public final class BuiltinService {

  public static final String REQUEST_CHAT = "request-chat";
  public static final String REQUEST_CHAT_POLL = "request-chat-poll";
  public static final String REQUEST_INTERACTION = "request-interaction";
  public static final String MATCH_INTERACTION = "match-interaction";
  public static final String REQUEST_ACCESS = "request-access";
  public static final String OFFICE_HOURS = "office-hours";
  public static final String CAPACITY = "capacity";
  public static final String CALLBACK = "callback";

  private BuiltinService() {}

  static void validate(
      ServiceDefinition d,
      IniDocument doc,
      IniDocument.Section s,
      ResourceGroups groups,
      AccessCodePrefix prefix) {
    if (d.isBuiltin(REQUEST_INTERACTION)) {
      if (d.option("_access_number").filter(v -> !v.isBlank()).isEmpty()
          && d.option(InteractionAccess.RESOURCE_GROUP).filter(v -> !v.isBlank()).isEmpty()) {
        throw new ConfigurationException(
            doc.source(),
            s.line(),
            "[" + s.name() + "] (request-interaction) needs _access_number or _resource_group");
      }
      prefix.requireRoomIn(
          OptionValues.intValue(doc, s.name(), "_access_code_length", 4, 3, 12), doc, s);
    }
    if (d.isBuiltin(REQUEST_INTERACTION) || d.isBuiltin(REQUEST_ACCESS)) {
      groups.requireKnown(doc, s, InteractionAccess.RESOURCE_GROUP);
    }
  }
}
