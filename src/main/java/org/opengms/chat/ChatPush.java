package org.opengms.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opengms.comet.UserMessenger;

/**
 * Pushes transcript events of {@code notify_by=comet} chats to the service owner's {@code
 * gms_user}, tag {@code service.chat.refresh.<service id>}. Without a {@link UserMessenger} in the
 * deployment nothing is pushed.
 */
@ApplicationScoped
public class ChatPush {

  private static final Logger LOG = Logger.getLogger(ChatPush.class.getName());

  @Inject Instance<UserMessenger> messengers;

  void event(ChatSession chat, int position, TranscriptEvent event) {
    if (!chat.isComet() || chat.getGmsUser() == null || !messengers.isResolvable()) {
      return;
    }
    try {
      messengers
          .get()
          .send(
              chat.getGmsUser(),
              "service.chat.refresh." + chat.getServiceId(),
              ChatView.pushed(chat, position, event));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Chat " + chat.getId() + ": comet push failed", e);
    }
  }
}
