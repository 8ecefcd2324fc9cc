package org.opengms.cluster;

/**
 * Tells the other nodes that something changed. Delivery is at most once, asynchronous and in
 * commit order; a node that was disconnected gets a {@link Signal.Topic#RESYNC} instead of what it
 * missed. The sending node never receives its own signals: it acts on its own change directly.
 */
public interface ClusterSignals {

  /**
   * Sends {@code topic}/{@code id} to the other nodes when the caller's transaction commits
   * (nothing when it rolls back); outside a transaction, at once.
   */
  void send(Signal.Topic topic, String id);

  /**
   * Whether another node listens now (PostgreSQL: another node's listening connection is open;
   * looked up at most once a second). False on a single node, where sending is a no-op: callers
   * skip the work only other nodes would need.
   */
  boolean othersListening();
}
