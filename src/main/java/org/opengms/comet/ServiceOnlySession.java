package org.opengms.comet;

import java.util.Optional;
import org.cometd.bayeux.server.ServerSession;

/**
 * A session that handshook with neither {@code gms_user} nor agent credentials, as the mobile Chat
 * v2 SDKs do: admitted (within {@code max_sessions}) only when service channels are registered, and
 * then allowed on those channels only ({@link ServiceChannel}).
 */
final class ServiceOnlySession {

  /** The one key such sessions are indexed under (they count against max_sessions only). */
  static final String OWNER = "service-only";

  private static final String ATTRIBUTE = "org.opengms.comet.serviceOnly";

  private ServiceOnlySession() {}

  static Optional<String> of(ServerSession session) {
    return session != null && Boolean.TRUE.equals(session.getAttribute(ATTRIBUTE))
        ? Optional.of(OWNER)
        : Optional.empty();
  }

  static void bind(ServerSession session) {
    session.setAttribute(ATTRIBUTE, Boolean.TRUE);
  }
}
