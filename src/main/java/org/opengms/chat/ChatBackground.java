package org.opengms.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opengms.config.ConfigurationProvider;
import org.opengms.notification.Localization;
import org.opengms.notification.PushSettings;

/**
 * Chats whose client is in the background: for each chat with a device ({@link ChatDevice}), which
 * client sessions are bound to it, and how far its events were pushed. While no session is bound,
 * every event the client has not seen goes to the device ({@link ChatDevicePush}) — the agent's and
 * the system's, not the customer's own, never custom notices — plus {@code IdleAlert} and {@code
 * IdleClose} from the idle timeout. Transports report sessions through {@link ChatClientSessions}.
 *
 * <p>Across nodes (PostgreSQL) the node that writes an event decides, from its own sessions and the
 * chat's {@code bound_node} (the node holding a bound session, while alive); a session unbinding
 * pushes what it missed from the node it was bound on.
 *
 * <p>In memory only: after a restart no session is bound (the clients must connect again), so every
 * chat with a device starts in the background, its earlier events counting as pushed. Each chat's
 * state is guarded by the chat's monitor, which appends hold too, so a push is never doubled nor
 * missed however appends and (un)bindings race.
 */
@ApplicationScoped
public class ChatBackground implements ChatClientSessions {

  /** Event types never pushed (the app learns of them when it comes back). */
  private static final Set<String> NOT_PUSHED =
      Set.of(TranscriptEvent.CUSTOM, TranscriptEvent.FILE_DELETED);

  @Inject OpenChats open;
  @Inject ChatDevicePush push;
  @Inject ConfigurationProvider configuration;
  @Inject V1CometSessions v1;
  @Inject ChatCluster cluster;

  private final Map<String, State> byChat = new ConcurrentHashMap<>();

  private static final class State {
    final Set<String> sessions = new HashSet<>();

    /** Events up to this position were pushed or handed to a bound session that saw them. */
    int pushedThrough;

    State(int pushedThrough) {
      this.pushedThrough = pushedThrough;
    }
  }

  /** A new or restored chat: tracked when it has a device, none of its events pushed yet. */
  void track(LiveChat chat) {
    if (chat.session.getDevice() != null) {
      synchronized (chat) {
        byChat.putIfAbsent(chat.id(), new State(chat.size()));
      }
      v1.tracked(chat.session);
    }
  }

  /** The chat ended (its last events already pushed): forgotten. */
  void forget(LiveChat chat) {
    if (byChat.remove(chat.id()) != null) {
      v1.forgotten(chat.session);
    }
  }

  /** Whether chat {@code chatId} has a device and no session bound. */
  public boolean inBackground(String chatId) {
    State state = byChat.get(chatId);
    LiveChat chat = open.open(chatId);
    if (state == null || chat == null) {
      return false;
    }
    synchronized (chat) {
      return state.sessions.isEmpty();
    }
  }

  @Override
  @Transactional
  public void bound(String chatId, String sessionId) {
    LiveChat chat = open.open(chatId);
    State state = byChat.get(chatId);
    if (chat != null && state != null) {
      cluster.connect();
      synchronized (chat) {
        if (state.sessions.add(sessionId) && state.sessions.size() == 1) {
          cluster.bound(chat);
        }
      }
    }
  }

  @Override
  @Transactional
  public void unbound(String chatId, String sessionId, Integer nextUnseen) {
    LiveChat chat = open.open(chatId);
    State state = byChat.get(chatId);
    if (chat == null || state == null) {
      return;
    }
    cluster.connect();
    synchronized (chat) {
      if (!state.sessions.remove(sessionId) || !state.sessions.isEmpty()) {
        return; // not bound, or another session still hears the chat
      }
      cluster.unbound(chat);
      if (nextUnseen == null) {
        state.pushedThrough = Math.max(state.pushedThrough, chat.size());
        return;
      }
      // what happened since the position the client reported, it has not seen: push it now
      int from = Math.max(nextUnseen, state.pushedThrough + 1);
      List<TranscriptEvent> missed = chat.from(from);
      for (int i = 0; i < missed.size(); i++) {
        pushEvent(chat, from + i, missed.get(i));
      }
      state.pushedThrough = Math.max(state.pushedThrough, chat.size());
    }
  }

  /** Transcript event {@code event} was appended at {@code position}. Holds the chat's monitor. */
  void appended(LiveChat chat, int position, TranscriptEvent event) {
    State state = byChat.get(chat.id());
    if (state == null
        || !state.sessions.isEmpty()
        || position <= state.pushedThrough
        || cluster.boundElsewhere(chat)) {
      return;
    }
    state.pushedThrough = position;
    pushEvent(chat, position, event);
  }

  /** The idle timeout ends the chat in {@code seconds}: {@code IdleAlert} if in the background. */
  void idleAlert(LiveChat chat, int seconds) {
    idle(chat, "IdleAlert", seconds, "The chat will end in " + seconds + " seconds of inactivity");
  }

  /**
   * The idle timeout ends the chat after {@code seconds}: {@code IdleClose} if in the background.
   */
  void idleClosed(LiveChat chat, int seconds) {
    idle(chat, "IdleClose", seconds, "The chat ended after " + seconds + " seconds of inactivity");
  }

  private void idle(LiveChat chat, String type, int seconds, String english) {
    State state = byChat.get(chat.id());
    if (state == null) {
      return;
    }
    synchronized (chat) {
      if (!state.sessions.isEmpty()) {
        return;
      }
      // the localization file may word it per language: message id chat.IdleAlert / chat.IdleClose
      Localization texts = configuration.current().get(PushSettings.class).localization();
      String text =
          texts
              .text(
                  "chat." + type,
                  chat.session.getDevice().language(),
                  Map.<String, Object>of("seconds", Integer.toString(seconds)))
              .orElse(english);
      push.idle(chat.session, type, text);
    }
  }

  private void pushEvent(LiveChat chat, int position, TranscriptEvent event) {
    if (TranscriptEvent.CLIENT.equals(event.userType()) || NOT_PUSHED.contains(event.type())) {
      return; // the customer's own doing, or a notice the app reads when it comes back
    }
    push.event(chat.session, position, event);
  }
}
