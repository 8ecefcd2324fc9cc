package org.opengms.comet;

import java.util.Queue;
import java.util.logging.Logger;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.ext.AcknowledgedMessagesExtension;
import org.opengms.delivery.DeliveryCounters;
import org.opengms.delivery.Undelivered;

/**
 * Keeps each session's queues at most {@code [cometd] max_queue} long, so a client that stops
 * reading cannot make the server hold its messages without end: when a queue is full, its oldest
 * message is dropped (the newest state is what a notification client needs most). CometD honours
 * {@code maxQueue} only for sessions that have a {@link ServerSession.QueueMaxedListener}, so one
 * is added to every session; the ack extension's queue of unacknowledged messages is trimmed the
 * same way. Every drop is counted ({@link Undelivered#COMET_QUEUE_FULL}); the first of each session
 * is logged.
 */
final class BoundedQueues
    implements BayeuxServer.SessionListener,
        ServerSession.QueueMaxedListener,
        AcknowledgedMessagesExtension.Listener {

  private static final Logger LOG = Logger.getLogger(BoundedQueues.class.getName());
  private static final String WARNED = "org.opengms.comet.queueMaxedWarned";

  private final int maxQueue;
  private final DeliveryCounters undelivered;

  BoundedQueues(int maxQueue, DeliveryCounters undelivered) {
    this.maxQueue = maxQueue;
    this.undelivered = undelivered;
  }

  @Override
  public void sessionAdded(ServerSession session, ServerMessage handshake) {
    session.addListener(this);
  }

  @Override
  public boolean queueMaxed(
      ServerSession session,
      Queue<ServerMessage> queue,
      ServerSession sender,
      ServerMessage message) {
    queue.poll(); // called under the session's lock, before the new message is added
    undelivered.count(Undelivered.COMET_QUEUE_FULL, "session " + session.getId());
    warnOnce(session, "message queue");
    return true;
  }

  @Override
  public void onBatchQueueMaxed(ServerSession session, Queue<ServerMessage> queue) {
    while (queue.size() > maxQueue) {
      queue.poll();
      undelivered.count(Undelivered.COMET_QUEUE_FULL, "session " + session.getId());
    }
    warnOnce(session, "queue of unacknowledged messages");
  }

  private static void warnOnce(ServerSession session, String what) {
    if (session.getAttribute(WARNED) == null) {
      session.setAttribute(WARNED, Boolean.TRUE);
      LOG.warning(
          "CometD session "
              + session.getId()
              + ": "
              + what
              + " full ([cometd] max_queue), dropping its oldest messages");
    }
  }
}
