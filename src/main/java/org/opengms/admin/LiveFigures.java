package org.opengms.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opengms.callback.CallbackMetrics;
import org.opengms.chat.ChatMetrics;
import org.opengms.statistics.MetricKey;
import org.opengms.statistics.MetricSource;
import org.opengms.time.ServerClock;

/**
 * Reads the live view's figures from the engines' own statistics (the Stat Server API's metrics,
 * computed now). A queue has a chat and a callback estimate of its wait, so both sources are read
 * by name rather than through the provider, which answers one per queue.
 */
@ApplicationScoped
public class LiveFigures {

  private static final String QUEUE = "Queue";
  private static final String AGENT = "Agent";

  @Inject ChatMetrics chats;
  @Inject CallbackMetrics callbacks;
  @Inject ServerClock clock;

  /** The snapshot now, without history. */
  public LiveSnapshot now() {
    String at = clock.now().toString();
    List<LiveSnapshot.Queue> queues = new ArrayList<>();
    java.util.Set<String> names = new java.util.TreeSet<>(chats.objects(QUEUE));
    names.addAll(callbacks.objects(QUEUE));
    for (String q : names) {
      queues.add(
          new LiveSnapshot.Queue(
              q,
              number(chats, QUEUE, q, "CurrentNumberWaitingChats"),
              number(callbacks, QUEUE, q, "CurrentNumberWaitingCalls"),
              number(chats, QUEUE, q, "CurrentNumberReadyAgents"),
              number(chats, QUEUE, q, "ExpectedWaitTime"),
              number(callbacks, QUEUE, q, "ExpectedWaitTime")));
    }
    List<LiveSnapshot.Agent> agents = new ArrayList<>();
    for (String login : new java.util.TreeSet<>(chats.objects(AGENT))) {
      agents.add(
          new LiveSnapshot.Agent(
              login,
              chats
                  .value(new MetricKey(AGENT, "CurrentState"), login)
                  .map(String::valueOf)
                  .orElse("LoggedOut"),
              number(chats, AGENT, login, "CurrentNumberChats")));
    }
    LiveSnapshot.Sample totals =
        new LiveSnapshot.Sample(
            at,
            queues.stream().mapToLong(LiveSnapshot.Queue::waitingChats).sum(),
            queues.stream().mapToLong(LiveSnapshot.Queue::waitingCallbacks).sum(),
            agents.stream()
                .filter(a -> a.state().equals("Ready") || a.state().equals("Busy"))
                .count(),
            queues.stream().mapToLong(LiveSnapshot.Queue::chatWaitSeconds).max().orElse(0));
    return new LiveSnapshot(at, queues, agents, totals, List.of());
  }

  private static long number(MetricSource source, String type, String id, String metric) {
    Optional<Object> value = source.value(new MetricKey(type, metric), id);
    return value.filter(Number.class::isInstance).map(v -> ((Number) v).longValue()).orElse(0L);
  }
}
