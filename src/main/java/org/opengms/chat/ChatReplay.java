package org.opengms.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.opengms.agent.AgentPresence;

/**
 * What another node wrote of a chat, taken into this node's copy and pushed to the CometD sessions
 * held here as the writing node pushed it to its own ({@link ChatCluster} reads it). Every method
 * holds the chat's monitor.
 */
@ApplicationScoped
public class ChatReplay {

  @Inject OpenChats open;
  @Inject AgentPresence presence;
  @Inject ChatPush push;
  @Inject ChatBackground background;

  /**
   * Brings {@code live} to the stored state {@code fresh} and pushes what is new to this node's
   * sessions, in the order the node that wrote it pushed it: an agent hears {@code assigned} before
   * the events (their join), the events of a chat that went back to the queue before {@code ended}
   * (their own leaving), a finished chat's events with its final state. Several changes between two
   * reads show as one. Holds the chat's monitor.
   */
  void apply(LiveChat live, ChatStore.Fresh fresh) {
    ChatSession now = fresh.chat();
    ChatSession session = live.session;
    String before = session.getAgentLogin();
    String after = now.getAgentLogin();
    boolean finished =
        now.getState() == ChatState.FINISHED && session.getState() != ChatState.FINISHED;
    int first = live.size() + 1;
    if (finished) {
      session.copyStateFrom(now);
      events(live, fresh.newer(), first);
      if (after != null) {
        presence.released(after, live.id());
        push.ended(session, after);
      }
      open.closed(live);
    } else if (after != null && !after.equals(before)) {
      if (before != null) {
        presence.released(before, live.id());
        push.ended(session, before);
      }
      session.copyStateFrom(now);
      presence.assigned(after, live.id());
      push.assigned(session, live.size());
      events(live, fresh.newer(), first);
    } else {
      events(live, fresh.newer(), first);
      session.copyStateFrom(now);
      if (before != null && after == null) {
        presence.released(before, live.id());
        push.ended(session, before);
      }
    }
    live.touchedElsewhere(now.shared().lastActivity());
    live.seenElsewhere(now.shared().clientSeen());
  }

  /**
   * Chat {@code live}, new to this node with {@code events} so far: its agent hears {@code
   * assigned} and each event here, as on the node that wrote them. Holds the chat's monitor.
   */
  void firstSight(LiveChat live, List<TranscriptEvent> events) {
    String agent = live.session.getAgentLogin();
    if (agent != null && live.session.getState() == ChatState.ASSIGNED) {
      presence.assigned(agent, live.id());
      push.assigned(live.session, 0);
    }
    events(live, events, 1);
    background.track(live); // its events from now on, if written here while in the background
    live.touchedElsewhere(live.session.shared().lastActivity());
    live.seenElsewhere(live.session.shared().clientSeen());
  }

  private void events(LiveChat live, List<TranscriptEvent> newer, int first) {
    for (int i = 0; i < newer.size(); i++) {
      live.add(newer.get(i));
      push.event(live.session, first + i, newer.get(i));
    }
  }
}
