package org.opengms.comet;

import java.util.Optional;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.ServerSession;

/**
 * The end user a CometD session belongs to: the {@code gms_user} HTTP header of its handshake (as
 * GMS, the value is trusted as set or verified by a gateway in front of the server).
 */
final class GmsUser {

  static final String HEADER = "gms_user";

  /** Longest accepted value; GMS examples use 64 hex digits. */
  static final int MAX_LENGTH = 256;

  private static final String ATTRIBUTE = "org.opengms.comet.gmsUser";

  private GmsUser() {}

  /** The header of the request a message came with, if present, not blank and not too long. */
  static Optional<String> of(BayeuxContext context) {
    if (context == null) {
      return Optional.empty();
    }
    String value = context.getHeader(HEADER);
    if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(value.strip());
  }

  /** The user a session was bound to at its handshake. */
  static Optional<String> of(ServerSession session) {
    return Optional.ofNullable((String) session.getAttribute(ATTRIBUTE));
  }

  static void bind(ServerSession session, String user) {
    session.setAttribute(ATTRIBUTE, user);
  }
}
