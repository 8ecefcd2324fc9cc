package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.opengms.config.GmsConfiguration;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;
import org.opengms.service.ServiceManager;
import org.opengms.storage.FormField;

/**
 * Each callback is also a service instance under its own id, as in GMS, so {@code
 * /1/service/<callback id>/storage} holds its user data and {@code /1/service/<callback
 * id>/ixn/chat} starts its chat. A chat callback's instance belongs to the chat service named by
 * {@code _chat_service} (default {@code request-chat}), whose queue takes the chat.
 */
@ApplicationScoped
public class CallbackSessions {

  static final String CHAT_SERVICE = "_chat_service";

  @EJB ServiceManager services;

  /** The chat service of a chat callback; 400 when the option names no chat service. */
  static String chatService(GmsConfiguration config, CallbackOptions options) {
    String name = options.get(CHAT_SERVICE).orElse(BuiltinService.REQUEST_CHAT);
    ServiceDefinition d = config.get(ServiceCatalog.class).find(name).orElse(null);
    if (d == null
        || !(d.isBuiltin(BuiltinService.REQUEST_CHAT)
            || d.isBuiltin(BuiltinService.REQUEST_CHAT_POLL))) {
      throw new CallbackException(
          "A chat callback needs a chat service: "
              + CHAT_SERVICE
              + " names "
              + name
              + ", which is not a request-chat service");
    }
    return name;
  }

  /** Opens the instance before the callback is stored (a refused user data refuses the start). */
  void open(Callback c, String instanceService) {
    List<FormField> userData = new ArrayList<>();
    c.properties()
        .forEach(
            (k, v) -> {
              if (!k.startsWith("_") && v != null) {
                userData.add(new FormField.Text(k, v));
              }
            });
    services.openFor(
        c.getId(), instanceService, c.getExpiresAt(), c.properties().get("_gms_user"), userData);
  }

  /** A callback that waits longer (rescheduled, snoozed) keeps its instance that long. */
  void keepAlive(Callback c) {
    if (c.getExpiresAt() != null) {
      services.extend(c.getId(), c.getExpiresAt());
    }
  }
}
