package org.opengms.comet;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.DefaultSecurityPolicy;
import org.opengms.api.error.TooManyRequestsException;
import org.opengms.security.BasicCredentials;
import org.opengms.security.SecuritySettings;
import org.opengms.security.User;
import org.opengms.security.UserSettings;

/**
 * Admits two kinds of handshake (long-polling: headers of the handshake request; websocket: of the
 * upgrade request), within the session limits of {@code [cometd]}:
 *
 * <ul>
 *   <li>with an {@code Authorization: Basic} header: an agent, whose credentials must be those of a
 *       {@code [user.*]} with role {@code agent} (as the REST filter checks them); the session is
 *       bound to that login and gets the agent's events. A {@code gms_user} header is then ignored.
 *   <li>otherwise with a {@code gms_user} header, or {@code ext.gms_user} in the handshake message
 *       (browsers on websocket): an end user; the session is bound to that user.
 *   <li>otherwise, when service channels are registered (Chat API v2): a session that may use those
 *       channels only ({@link ServiceOnlySession}); no per-user limit applies.
 * </ul>
 *
 * A refused handshake is answered {@code 403::handshake_denied} with the advice not to retry. The
 * limits are checked against the sessions open at the handshake, so simultaneous handshakes may
 * pass them by a few. What a session may do on channels is decided by the channel authorizers
 * ({@link CometServer}).
 */
final class HandshakePolicy extends DefaultSecurityPolicy {

  private static final Logger LOG = Logger.getLogger(HandshakePolicy.class.getName());

  private final UserSessions sessions;
  private final UserSessions agentSessions;
  private final Supplier<UserSettings> users;
  private final Supplier<SecuritySettings> limits;
  private final CometSettings settings;

  /** Sessions without gms_user, for service channels only; null: such handshakes are refused. */
  private UserSessions serviceOnlySessions;

  /** Whether the node is at max_sessions: logged once each time it gets there. */
  private final AtomicBoolean full = new AtomicBoolean();

  HandshakePolicy(
      UserSessions sessions,
      UserSessions agentSessions,
      Supplier<UserSettings> users,
      Supplier<SecuritySettings> limits,
      CometSettings settings) {
    this.sessions = sessions;
    this.agentSessions = agentSessions;
    this.users = users;
    this.limits = limits;
    this.settings = settings;
  }

  /** Admits handshakes without gms_user too, counted in {@code index}, for service channels. */
  void admitServiceOnly(UserSessions index) {
    this.serviceOnlySessions = index;
  }

  @Override
  public boolean canHandshake(BayeuxServer server, ServerSession session, ServerMessage message) {
    if (session.isLocalSession()) {
      return true;
    }
    BayeuxContext context = message.getBayeuxContext();
    Optional<String> authorization = AgentSession.authorization(context);
    if (authorization.isPresent()) {
      Optional<User> agent;
      try {
        String address =
            context.getRemoteAddress() instanceof InetSocketAddress remote
                    && remote.getAddress() != null
                ? remote.getAddress().getHostAddress()
                : "";
        agent =
            BasicCredentials.parse(authorization.get())
                .flatMap(c -> c.authenticate(users.get(), limits.get(), address))
                .filter(u -> u.hasRole("agent"));
      } catch (TooManyRequestsException e) {
        LOG.fine("CometD handshake refused: " + e.getMessage());
        return false;
      }
      if (agent.isEmpty()) {
        LOG.fine("CometD handshake refused: Authorization is not that of an agent");
        return false;
      }
      if (!withinLimits(agentSessions, agent.get().login())) {
        return false;
      }
      AgentSession.bind(session, agent.get().login(), authorization.get());
      return true;
    }
    Optional<String> user = GmsUser.of(message);
    if (user.isEmpty() && serviceOnlySessions != null) {
      if (!withinLimits(serviceOnlySessions, null)) {
        return false;
      }
      ServiceOnlySession.bind(session);
      return true;
    }
    if (user.isEmpty()) {
      LOG.fine("CometD handshake refused: no usable " + GmsUser.HEADER + " header or ext");
      return false;
    }
    if (!withinLimits(sessions, user.get())) {
      return false;
    }
    GmsUser.bind(session, user.get(), context);
    return true;
  }

  private boolean withinLimits(UserSessions index, String owner) {
    int serviceOnly = serviceOnlySessions == null ? 0 : serviceOnlySessions.total();
    if (sessions.total() + agentSessions.total() + serviceOnly >= settings.maxSessions()) {
      if (full.compareAndSet(false, true)) {
        LOG.warning(
            "CometD handshakes refused: "
                + settings.maxSessions()
                + " sessions open ([cometd] max_sessions)");
      }
      return false;
    }
    full.set(false);
    if (owner != null && index.count(owner) >= settings.maxSessionsPerUser()) {
      LOG.fine(
          () ->
              "CometD handshake refused: the user already has "
                  + settings.maxSessionsPerUser()
                  + " sessions ([cometd] max_sessions_per_user)");
      return false;
    }
    return true;
  }
}
