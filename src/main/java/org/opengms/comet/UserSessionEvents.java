package org.opengms.comet;

import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * Tells the application ({@link CometUserSession} events) when end users' sessions come and go,
 * with what a going-to-the-background client says in its {@code /meta/disconnect}'s {@code ext}. A
 * failing observer is logged and never breaks CometD.
 */
final class UserSessionEvents implements BayeuxServer.SessionListener {

  private static final Logger LOG = Logger.getLogger(UserSessionEvents.class.getName());

  private final Consumer<CometUserSession> observers;

  UserSessionEvents(Consumer<CometUserSession> observers) {
    this.observers = observers;
  }

  @Override
  public void sessionAdded(ServerSession session, ServerMessage handshake) {
    GmsUser.of(session)
        .ifPresent(
            user -> fire(new CometUserSession(user, session.getId(), true, false, null, null)));
  }

  @Override
  public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
    GmsUser.of(session)
        .ifPresent(
            user -> {
              Map<String, Object> ext = message == null ? null : message.getExt();
              fire(
                  new CometUserSession(
                      user,
                      session.getId(),
                      false,
                      timeout,
                      CometUserSession.transcriptPosition(ext),
                      ext != null && ext.get("chatSessionId") instanceof String id ? id : null));
            });
  }

  private void fire(CometUserSession event) {
    try {
      observers.accept(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "CometD session event " + event + " failed", e);
    }
  }
}
