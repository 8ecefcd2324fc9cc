package org.opengms.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.ServerMessageImpl;
import org.cometd.server.ServerSessionImpl;
import org.junit.jupiter.api.Test;
import org.opengms.delivery.DeliveryCounters;
import org.opengms.delivery.Undelivered;

class BoundedQueuesTest {

  private final ServerSession session = new ServerSessionImpl(new BayeuxServerImpl());

  private static Queue<ServerMessage> queueOf(int size) {
    Queue<ServerMessage> queue = new ArrayDeque<>();
    for (int i = 0; i < size; i++) {
      ServerMessageImpl message = new ServerMessageImpl();
      message.setData(i);
      queue.add(message);
    }
    return queue;
  }

  private static List<Object> data(Queue<ServerMessage> queue) {
    return queue.stream().map(ServerMessage::getData).toList();
  }

  @Test
  void shouldDropOldestAndAcceptNewWhenSessionQueueFull() {
    DeliveryCounters counters = new DeliveryCounters();
    BoundedQueues queues = new BoundedQueues(3, counters);
    Queue<ServerMessage> queue = queueOf(3);

    boolean accept = queues.queueMaxed(session, queue, null, new ServerMessageImpl());

    assertTrue(accept);
    assertEquals(List.of(1, 2), data(queue));
    assertEquals(1, counters.total(Undelivered.COMET_QUEUE_FULL));
  }

  @Test
  void shouldTrimUnacknowledgedMessagesToMaxQueue() {
    DeliveryCounters counters = new DeliveryCounters();
    BoundedQueues queues = new BoundedQueues(3, counters);
    Queue<ServerMessage> queue = queueOf(5);

    queues.onBatchQueueMaxed(session, queue);

    assertEquals(List.of(2, 3, 4), data(queue));
    assertEquals(2, counters.total(Undelivered.COMET_QUEUE_FULL));
  }
}
