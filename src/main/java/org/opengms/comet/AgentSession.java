package org.opengms.comet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.ServerSession;

/**
 * The agent a CometD session belongs to: its handshake carried HTTP Basic credentials of a {@code
 * [user.*]} with role {@code agent}. The session keeps the login and a digest of the {@code
 * Authorization} header (never the password), so later messages can be checked to come with the
 * same header without hashing the password again.
 */
final class AgentSession {

  static final String HEADER = "Authorization";

  private static final String LOGIN = "org.opengms.comet.agentLogin";
  private static final String AUTHORIZATION = "org.opengms.comet.agentAuthorization";

  private AgentSession() {}

  /** The {@code Authorization} header of the request a message came with, if any. */
  static Optional<String> authorization(BayeuxContext context) {
    return context == null ? Optional.empty() : Optional.ofNullable(context.getHeader(HEADER));
  }

  /** The agent a session was bound to at its handshake; empty for a {@code gms_user} session. */
  static Optional<String> of(ServerSession session) {
    return session == null
        ? Optional.empty()
        : Optional.ofNullable((String) session.getAttribute(LOGIN));
  }

  static void bind(ServerSession session, String login, String authorization) {
    session.setAttribute(AUTHORIZATION, digest(authorization));
    session.setAttribute(LOGIN, login);
  }

  /** Whether {@code context} carries the header this agent session was opened with. */
  static boolean sameAuthorization(ServerSession session, BayeuxContext context) {
    Object bound = session.getAttribute(AUTHORIZATION);
    return bound instanceof byte[] expected
        && authorization(context)
            .map(header -> MessageDigest.isEqual(expected, digest(header)))
            .orElse(false);
  }

  private static byte[] digest(String header) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java has SHA-256
    }
  }
}
