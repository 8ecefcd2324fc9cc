package org.opengms.chat;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Arrays;

/**
 * What nodes sharing a database keep of a chat besides its routing state (columns of {@code
 * chat_session}, Flyway V7): the agents who left it, and, written on PostgreSQL only, its last
 * activity, how far its polling customer read, the node holding a bound client session and when its
 * agent got it.
 */
@Embeddable
public class SharedChatState {

  private static final int MAX_LEFT_BY_CHARS = 1024;

  /** Agents who left the chat (it is not routed back to them), space-separated logins. */
  @Column(name = "left_by", length = MAX_LEFT_BY_CHARS)
  private String leftBy;

  /** The chat's last activity as stored for the other nodes (any node may sweep it idle). */
  @Column(name = "last_activity")
  private Instant lastActivity;

  /** How many events the polling customer was shown; null: none. */
  @Column(name = "client_seen")
  private Integer clientSeen;

  /** The node holding a bound client session (the chat is not in the background); null: none. */
  @Column(name = "bound_node", length = 255)
  private String boundNode;

  /** When the agent got the chat (business time), for the cluster's handle time. */
  @Column(name = "answered_at")
  private Instant answeredAt;

  /** Whether agent {@code login} left the chat. */
  boolean leftBy(String login) {
    return leftBy != null && Arrays.asList(leftBy.split(" ")).contains(login);
  }

  /** Agent {@code login} left; the oldest leavers are forgotten past the column's length. */
  void addLeaver(String login) {
    if (leftBy(login)) {
      return;
    }
    String all = leftBy == null ? login : leftBy + " " + login;
    while (all.length() > MAX_LEFT_BY_CHARS && all.indexOf(' ') > 0) {
      all = all.substring(all.indexOf(' ') + 1);
    }
    leftBy = all.length() > MAX_LEFT_BY_CHARS ? null : all;
  }

  String leftBy() {
    return leftBy;
  }

  Instant lastActivity() {
    return lastActivity;
  }

  int clientSeen() {
    return clientSeen == null ? 0 : clientSeen;
  }

  String boundNode() {
    return boundNode;
  }

  /** Takes {@code fresh}'s values (what another node may have written). */
  void copyFrom(SharedChatState fresh) {
    leftBy = fresh.leftBy;
    lastActivity = fresh.lastActivity;
    clientSeen = fresh.clientSeen;
    boundNode = fresh.boundNode;
    answeredAt = fresh.answeredAt;
  }
}
