package org.opengms.chat;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opengms.security.User;

/**
 * Writes transcripts: each event is stored (one insert), kept in memory and pushed, in that order,
 * under the chat's monitor so positions are dense and pushed in order; and shows them to the
 * customer (a poll shows what they have not seen, a comet customer only the position unless it asks
 * from a position).
 */
@ApplicationScoped
public class Transcripts {

  @EJB ChatStore store;
  @Inject ChatPush push;
  @Inject ChatBackground background;
  @Inject OpenChats open;
  @Inject ChatCluster cluster;

  /** Stores, keeps and pushes one event. Holds the chat's monitor. */
  void append(LiveChat chat, TranscriptEvent event) {
    int position = chat.size() + 1;
    store.append(chat.id(), position, event);
    chat.add(event);
    chat.touch(Instant.now());
    push.event(chat.session, position, event);
    background.appended(chat, position, event);
  }

  /**
   * The customer's answer: from {@code from} when given, else the events not shown yet. Holds the
   * chat's monitor.
   */
  ChatView.Snapshot show(LiveChat chat, Integer from) {
    ChatView.Snapshot shown = answer(chat, from);
    cluster.shown(chat);
    return shown;
  }

  private ChatView.Snapshot answer(LiveChat chat, Integer from) {
    if (chat.session.isComet() && from == null) {
      // the events went over CometD; with a position (a client recovering) they are answered too
      chat.markSeen();
      return new ChatView.Snapshot(chat.session, "TRANSCRIPT", chat.size() + 1, null);
    }
    List<TranscriptEvent> shown;
    if (from != null) {
      shown = chat.from(from);
      chat.markSeen();
    } else {
      shown = chat.unseen();
    }
    return new ChatView.Snapshot(chat.session, "TRANSCRIPT", chat.size() + 1, shown);
  }

  /** An event of the chat's customer, timed now. */
  static TranscriptEvent client(LiveChat chat, String type, String text) {
    return new TranscriptEvent(
        type,
        chat.session.getNickname(),
        text,
        ChatView.secondsFromStart(chat.session, Instant.now()),
        TranscriptEvent.CLIENT);
  }

  /** The customer left ({@code Notice.Left}): disconnect, service deleted, idle. */
  static TranscriptEvent customerLeft(LiveChat chat) {
    return client(chat, TranscriptEvent.LEFT, "has left the session");
  }

  /** An event of agent {@code user}, timed now. */
  static TranscriptEvent agent(LiveChat chat, User user, String type, String text) {
    return new TranscriptEvent(
        type,
        user.nickname(),
        text,
        ChatView.secondsFromStart(chat.session, Instant.now()),
        TranscriptEvent.AGENT);
  }

  /**
   * Adds an event with {@code userData} (a file's details) by the customer ({@code agent} null) or
   * by the agent of open chat {@code chatId}.
   *
   * @return the event's position, 0 when the chat is no longer open (nothing is added)
   */
  @Transactional
  public int appendToOpen(
      String chatId, User agent, String type, String text, Map<String, String> userData) {
    LiveChat chat = open.open(chatId);
    if (chat == null) {
      return 0;
    }
    cluster.connect();
    synchronized (chat) {
      cluster.lock(chat, true);
      if (chat.session.getState() == ChatState.FINISHED
          || (agent != null && !agent.login().equals(chat.session.getAgentLogin()))) {
        return 0;
      }
      TranscriptEvent e = agent == null ? client(chat, type, text) : agent(chat, agent, type, text);
      append(
          chat,
          new TranscriptEvent(
              e.type(), e.nickname(), e.text(), e.secondsFromStart(), e.userType(), userData));
      return chat.size();
    }
  }
}
