package org.opengms.comet;

import java.util.Map;
import java.util.Optional;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * The end user a CometD session belongs to: the {@code gms_user} HTTP header of its handshake (as
 * GMS, the value is trusted as set or verified by a gateway in front of the server), or, for
 * browsers on websocket (which cannot set headers), {@code "ext": {"gms_user": ...}} of the
 * handshake message.
 */
final class GmsUser {

  static final String HEADER = "gms_user";

  /** Longest accepted value; GMS examples use 64 hex digits. */
  static final int MAX_LENGTH = 256;

  private static final String ATTRIBUTE = "org.opengms.comet.gmsUser";

  /** The request context of the handshake: one per websocket connection, one per HTTP request. */
  private static final String HANDSHAKE_CONTEXT = "org.opengms.comet.handshakeContext";

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

  /** The header of the message's request, else {@code ext.gms_user} of the message itself. */
  static Optional<String> of(ServerMessage message) {
    Optional<String> header = of(message.getBayeuxContext());
    if (header.isPresent()) {
      return header;
    }
    Map<String, Object> ext = message.getExt();
    Object value = ext == null ? null : ext.get(HEADER);
    if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(text.strip());
  }

  /** The user a session was bound to at its handshake. */
  static Optional<String> of(ServerSession session) {
    return Optional.ofNullable((String) session.getAttribute(ATTRIBUTE));
  }

  static void bind(ServerSession session, String user) {
    bind(session, user, null);
  }

  /** Binds the session, remembering the handshake's context (its websocket connection). */
  static void bind(ServerSession session, String user, BayeuxContext handshake) {
    session.setAttribute(ATTRIBUTE, user);
    if (handshake != null) {
      session.setAttribute(HANDSHAKE_CONTEXT, handshake);
    }
  }

  /**
   * Whether {@code context} is that of the session's handshake: on websocket, the same connection
   * (a message on it needs no {@code gms_user} of its own); never true for a later HTTP request.
   */
  static boolean onHandshakeConnection(ServerSession session, BayeuxContext context) {
    return context != null && session.getAttribute(HANDSHAKE_CONTEXT) == context;
  }
}
