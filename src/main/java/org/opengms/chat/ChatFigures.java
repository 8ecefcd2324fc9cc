package org.opengms.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Counters the chat engine keeps for statistics since the server started (business time): chats
 * answered per queue and how long agents handled them. Guarded by the routing lock; holds one entry
 * per chat being handled and one per queue, nothing per message.
 */
public final class ChatFigures {

  /** What a queue looks like now, for the statistics source. */
  public record Queue(
      int waiting,
      int readyAgents,
      int readyCapacity,
      int freeSlots,
      long answered,
      long handled,
      long handleSeconds) {}

  private record Handling(String queue, Instant since) {}

  private final Map<String, Long> answered = new HashMap<>();
  private final Map<String, long[]> handled = new HashMap<>(); // queue → {count, seconds}
  private final Map<String, Handling> handling = new HashMap<>(); // chat id → since

  /** A chat of {@code queue} was given to an agent at {@code now}. */
  void answered(String queue, String chatId, Instant now) {
    answered.merge(queue, 1L, Long::sum);
    handling.put(chatId, new Handling(queue, now));
  }

  /** The agent's handling of the chat ended (it finished, or the agent left it). */
  void ended(String chatId, Instant now) {
    Handling h = handling.remove(chatId);
    if (h != null) {
      long seconds = Math.max(0, Duration.between(h.since(), now).toSeconds());
      long[] figures = handled.computeIfAbsent(h.queue(), q -> new long[2]);
      figures[0]++;
      figures[1] += seconds;
    }
  }

  long answered(String queue) {
    return answered.getOrDefault(queue, 0L);
  }

  long handledCount(String queue) {
    long[] figures = handled.get(queue);
    return figures == null ? 0 : figures[0];
  }

  long handledSeconds(String queue) {
    long[] figures = handled.get(queue);
    return figures == null ? 0 : figures[1];
  }
}
