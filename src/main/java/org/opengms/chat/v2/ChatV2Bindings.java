package org.opengms.chat.v2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerSession;
import org.opengms.chat.ChatClientSessions;
import org.opengms.chat.ChatEventAppended;
import org.opengms.chat.ChatSession;
import org.opengms.chat.ChatView;
import org.opengms.comet.CometUserSession;
import org.opengms.config.ConfigurationProvider;

/**
 * The CometD sessions bound to each chat (by {@code requestChat}, {@code requestNotifications} or
 * any operation), in memory. Each binding has a cursor, the v2 index of the next event its session
 * is to get: an event appended at the cursor is delivered at once (under the chat's monitor, so in
 * order), and binding replays the transcript from the cursor until it has caught up, so no event is
 * lost or delivered twice however the two race. A session's bindings go when the session does.
 *
 * <p>Lock order: the chat's monitor (engine), then a binding's.
 */
@ApplicationScoped
public class ChatV2Bindings {

  private static final Logger LOG = Logger.getLogger(ChatV2Bindings.class.getName());

  @Inject ChatV2Chats chats;
  @Inject ConfigurationProvider configuration;
  @Inject ChatClientSessions background;

  private final Map<String, List<Binding>> byChat = new ConcurrentHashMap<>();

  private static final class Binding {
    final ServerSession session;
    final String channel;
    int next;

    Binding(ServerSession session, String channel, int next) {
      this.session = session;
      this.channel = channel;
      this.next = next;
    }
  }

  /** Binds {@code session} to {@code chat} and delivers its events from v2 index {@code from}. */
  void bind(ServerSession session, String channel, ChatSession chat, int from) {
    List<Binding> bindings =
        byChat.computeIfAbsent(chat.getId(), k -> new CopyOnWriteArrayList<>());
    for (Binding b : bindings) {
      if (b.session == session) {
        bindings.remove(b); // re-bound: replays from the new position
      }
    }
    Binding binding = new Binding(session, channel, from);
    bindings.add(binding);
    background.bound(chat.getId(), session.getId()); // no device pushes while bound
    session.addListener(
        (ServerSession.RemovedListener)
            (s, m, timeout) -> {
              unbind(chat.getId(), binding);
              // going to the background: ext.transcriptPosition is the v2 index not seen yet
              Integer index = m == null ? null : CometUserSession.transcriptPosition(m.getExt());
              background.unbound(
                  chat.getId(), session.getId(), index == null ? null : Math.max(1, index - 1));
            });
    catchUp(chat, binding);
  }

  /** Whether {@code session} is bound to chat {@code chatId}. */
  boolean isBound(ServerSession session, String chatId) {
    return byChat.getOrDefault(chatId, List.of()).stream().anyMatch(b -> b.session == session);
  }

  private void catchUp(ChatSession chat, Binding binding) {
    boolean first = true; // the first read is delivered even when empty: the client's answer
    while (true) {
      int from;
      synchronized (binding) {
        from = binding.next;
      }
      ChatView.Snapshot s;
      try {
        s = chats.from(chat, from);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Chat " + chat.getId() + ": no replay", e);
        return;
      }
      List<Map<String, Object>> events =
          ChatV2Answers.events(s, from <= 1).stream()
              .filter(e -> (Integer) e.get("index") >= from)
              .toList();
      synchronized (binding) {
        if (binding.next != from) {
          continue; // events were delivered meanwhile: read again from the new cursor
        }
        if (!events.isEmpty() || first) {
          binding.next = from + events.size();
          deliver(binding, s.chat(), events);
        }
        first = false;
        if (events.isEmpty()) {
          return;
        }
      }
    }
  }

  /** Each new event of a chat, to the sessions bound to it whose cursor is there. */
  void appended(@Observes ChatEventAppended appended) {
    List<Binding> bindings = byChat.get(appended.chat().getId());
    if (bindings == null) {
      return;
    }
    int index = appended.position() + 1;
    for (Binding binding : bindings) {
      synchronized (binding) {
        if (binding.next == index) {
          binding.next++;
          deliver(
              binding,
              appended.chat(),
              List.of(ChatV2Answers.event(appended.chat(), appended.event(), index)));
        }
      }
    }
  }

  private void deliver(Binding binding, ChatSession chat, List<Map<String, Object>> events) {
    Map<String, Object> answer =
        ChatV2Answers.answer(
            chat, ChatV2Chats.alias(configuration.current()), binding.next, events);
    binding.session.deliver(null, binding.channel, answer, Promise.noop());
  }

  private void unbind(String chatId, Binding binding) {
    byChat.computeIfPresent(
        chatId,
        (k, list) -> {
          list.remove(binding);
          return list.isEmpty() ? null : list;
        });
  }
}
