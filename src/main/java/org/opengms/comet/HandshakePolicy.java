package org.opengms.comet;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.DefaultSecurityPolicy;

/**
 * Admits a handshake only with a {@code gms_user} header (long-polling: on the handshake request;
 * websocket: on the upgrade request) and within the session limits of {@code [cometd]}; the session
 * is then bound to that user. A refused handshake is answered {@code 403::handshake_denied} with
 * the advice not to retry. The limits are checked against the sessions open at the handshake, so
 * simultaneous handshakes may pass them by a few. What a session may do on channels is decided by
 * the channel authorizers ({@link CometServer}).
 */
final class HandshakePolicy extends DefaultSecurityPolicy {

  private static final Logger LOG = Logger.getLogger(HandshakePolicy.class.getName());

  private final UserSessions sessions;
  private final CometSettings settings;

  /** Whether the node is at max_sessions: logged once each time it gets there. */
  private final AtomicBoolean full = new AtomicBoolean();

  HandshakePolicy(UserSessions sessions, CometSettings settings) {
    this.sessions = sessions;
    this.settings = settings;
  }

  @Override
  public boolean canHandshake(BayeuxServer server, ServerSession session, ServerMessage message) {
    if (session.isLocalSession()) {
      return true;
    }
    Optional<String> user = GmsUser.of(message.getBayeuxContext());
    if (user.isEmpty()) {
      LOG.fine("CometD handshake refused: no usable " + GmsUser.HEADER + " header");
      return false;
    }
    if (sessions.total() >= settings.maxSessions()) {
      if (full.compareAndSet(false, true)) {
        LOG.warning(
            "CometD handshakes refused: "
                + settings.maxSessions()
                + " sessions open ([cometd] max_sessions)");
      }
      return false;
    }
    full.set(false);
    if (sessions.count(user.get()) >= settings.maxSessionsPerUser()) {
      LOG.fine(
          () ->
              "CometD handshake refused: the user already has "
                  + settings.maxSessionsPerUser()
                  + " sessions ([cometd] max_sessions_per_user)");
      return false;
    }
    GmsUser.bind(session, user.get());
    return true;
  }
}
