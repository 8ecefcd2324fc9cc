package org.opengms.security;

import java.util.List;
import java.util.Set;

/**
 * A person who logs in: a {@code [user.<login>]} section.
 *
 * @param password a {@code PBKDF2WithHmacSHA256:<iterations>:<salt b64>:<hash b64>} hash, or plain
 *     text (accepted with a warning at start-up, as GMS options are plain)
 * @param roles any of {@code agent}, {@code admin}, {@code statistic}
 * @param nickname shown to chat customers (agents)
 * @param maxChats chats an agent handles at once
 * @param queues queues an agent serves
 */
public record User(
    String login,
    String password,
    Set<String> roles,
    String nickname,
    int maxChats,
    List<String> queues) {

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
