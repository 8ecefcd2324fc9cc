package org.opengms.cluster;

import java.util.Optional;

/**
 * One signal from another node: what changed ({@link Topic}) and the id of the row to read. Fired
 * as a CDI event on this node, on a container thread (observers may use EJBs and JPA).
 */
public record Signal(Topic topic, String id) {

  /** What a signal is about; its name is what travels. */
  public enum Topic {
    /**
     * A comet notification waits in {@code comet_relay} row {@code id} for whoever holds the user.
     */
    COMET,
    /** Subscription {@code id} was created, deleted or deactivated: re-read it. */
    SUBSCRIPTION,
    /** Chat {@code id} changed (an event, its state, its customer's details): re-read it. */
    CHAT,
    /** Agent {@code id}'s presence (ready or not) changed: re-read the agents. */
    PRESENCE,
    /**
     * This node's listener (re)connected: signals sent meanwhile are lost, caches re-read what they
     * hold (id empty). Never sent, only fired locally.
     */
    RESYNC;

    static Optional<Topic> parse(String name) {
      for (Topic t : values()) {
        if (t.name().equals(name)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }
}
