package org.opengms.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opengms.comet.CometUserSession;
import org.opengms.comet.UserMessenger;

/**
 * The Chat API v1 binding of client sessions ({@link ChatClientSessions}): a {@code
 * notify_by=comet} chat hears its events through the CometD sessions of its {@code gms_user}, so
 * each such session is bound to the user's chats that have a device, from its handshake (or the
 * chat's start) to its {@code /meta/disconnect} or expiry. The position of a {@code
 * /meta/disconnect}'s {@code ext.transcriptPosition} is of the chat {@code ext.chatSessionId}
 * names, or, without one, of each of the user's chats (a mobile app has one at a time).
 *
 * <p>Only users with such chats are indexed: other sessions cost one map look-up.
 */
@ApplicationScoped
public class V1CometSessions {

  @Inject ChatClientSessions background;
  @Inject Instance<UserMessenger> messengers;

  private final Map<String, Set<String>> chatsOfUser = new ConcurrentHashMap<>();

  /** A comet chat with a device starts (or is restored): bound to the user's live sessions. */
  void tracked(ChatSession chat) {
    if (!chat.isComet() || chat.getGmsUser() == null) {
      return;
    }
    chatsOfUser
        .computeIfAbsent(chat.getGmsUser(), k -> ConcurrentHashMap.newKeySet())
        .add(chat.getId());
    if (messengers.isResolvable()) {
      for (String session : messengers.get().sessionIds(chat.getGmsUser())) {
        background.bound(chat.getId(), session);
      }
    }
  }

  void forgotten(ChatSession chat) {
    if (chat.getGmsUser() != null) {
      chatsOfUser.computeIfPresent(
          chat.getGmsUser(),
          (user, chats) -> {
            chats.remove(chat.getId());
            return chats.isEmpty() ? null : chats;
          });
    }
  }

  void session(@Observes CometUserSession event) {
    Set<String> chats = chatsOfUser.get(event.gmsUser());
    if (chats == null) {
      return;
    }
    for (String chatId : chats) {
      if (event.connected()) {
        background.bound(chatId, event.sessionId());
      } else {
        boolean its = event.chatId() == null || event.chatId().equals(chatId);
        background.unbound(chatId, event.sessionId(), its ? event.transcriptPosition() : null);
      }
    }
  }
}
