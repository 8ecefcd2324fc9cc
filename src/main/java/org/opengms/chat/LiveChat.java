package org.opengms.chat;

import java.time.Instant;
import java.util.List;

/**
 * A chat the engine holds in memory: its session row, its transcript, and how far the customer has
 * read it. Guarded by its own monitor; the engine takes its routing lock first when it needs both.
 */
final class LiveChat {

  final ChatSession session;
  private final List<TranscriptEvent> events;

  /** Events the customer has been shown (a refresh without a position shows the rest). */
  private int clientSeen;

  /**
   * When the customer or the agent last did something here (an event, a customer refresh). Kept in
   * memory only: a restored chat starts from its last stored event, which is what a restart keeps.
   */
  private volatile Instant lastActivity;

  /** The activity an idle alert was pushed for (a new activity allows a new alert). */
  private Instant alertedFor;

  LiveChat(ChatSession session, List<TranscriptEvent> events, int clientSeen) {
    this.session = session;
    this.events = events;
    this.clientSeen = clientSeen;
    this.lastActivity =
        events.isEmpty()
            ? session.getStartedAt()
            : session.getStartedAt().plusSeconds(events.get(events.size() - 1).secondsFromStart());
  }

  String id() {
    return session.getId();
  }

  synchronized int size() {
    return events.size();
  }

  synchronized void add(TranscriptEvent event) {
    events.add(event);
  }

  /** Events from the 1-based {@code position} on. */
  synchronized List<TranscriptEvent> from(int position) {
    int start = Math.max(0, Math.min(position - 1, events.size()));
    return List.copyOf(events.subList(start, events.size()));
  }

  /** The events the customer has not been shown yet; they count as shown from now on. */
  synchronized List<TranscriptEvent> unseen() {
    List<TranscriptEvent> unseen = from(clientSeen + 1);
    clientSeen = events.size();
    return unseen;
  }

  synchronized void markSeen() {
    clientSeen = events.size();
  }

  /** How many events the customer was shown. */
  synchronized int seen() {
    return clientSeen;
  }

  /** Another node showed the customer {@code seen} events. */
  synchronized void seenElsewhere(int seen) {
    clientSeen = Math.max(clientSeen, Math.min(seen, events.size()));
  }

  void touch(Instant now) {
    lastActivity = now;
  }

  /** Activity another node saw at {@code at}: kept when later than what this node saw. */
  void touchedElsewhere(Instant at) {
    if (at != null && at.isAfter(lastActivity)) {
      lastActivity = at;
    }
  }

  /** Whether nothing happened here for {@code timeoutSeconds} (0: never idle). */
  boolean idleAt(Instant now, int timeoutSeconds) {
    return timeoutSeconds > 0 && !lastActivity.plusSeconds(timeoutSeconds).isAfter(now);
  }

  /**
   * Whether the idle alert, {@code alertSeconds} before the end of {@code timeoutSeconds} without
   * activity, is due and not yet given for the current idle stretch; it counts as given from now.
   */
  synchronized boolean idleAlertDue(Instant now, int timeoutSeconds, int alertSeconds) {
    Instant since = lastActivity;
    if (timeoutSeconds <= 0
        || alertSeconds <= 0
        || since.equals(alertedFor)
        || since.plusSeconds(Math.max(0, timeoutSeconds - alertSeconds)).isAfter(now)) {
      return false;
    }
    alertedFor = since;
    return true;
  }

  /** Agent {@code login} left this chat (stored with its state: not routed back to them). */
  synchronized void left(String login) {
    session.shared().addLeaver(login);
  }

  synchronized boolean hasLeft(String login) {
    return session.shared().leftBy(login);
  }

  /** When something last happened here, as this node knows it. */
  Instant lastActivity() {
    return lastActivity;
  }
}
