package org.opengms.admin;

import java.util.List;

/**
 * What the admin console's live view shows at one instant: per queue, per agent, and the totals its
 * charts plot.
 *
 * @param at business time ({@code ServerClock}) of the snapshot
 * @param history the last hour's samples, one a minute, oldest first
 */
public record LiveSnapshot(
    String at, List<Queue> queues, List<Agent> agents, Sample totals, List<Sample> history) {

  /**
   * One queue.
   *
   * @param chatWaitSeconds the chat engine's ExpectedWaitTime
   * @param callbackWaitSeconds the callback engine's ExpectedWaitTime
   */
  public record Queue(
      String name,
      long waitingChats,
      long waitingCallbacks,
      long readyAgents,
      long chatWaitSeconds,
      long callbackWaitSeconds) {}

  /** One agent: LoggedOut, NotReady, Ready or Busy, and the chats assigned now. */
  public record Agent(String login, String state, long chats) {}

  /**
   * Totals over the queues at {@code at}: waiting chats and callbacks, agents Ready or Busy, the
   * longest chat wait expected.
   */
  public record Sample(
      String at, long waitingChats, long waitingCallbacks, long readyAgents, long maxChatWait) {}
}
