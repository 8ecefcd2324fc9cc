package org.opengms.comet;

import java.util.Optional;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.ServerMessageImpl;
import org.cometd.server.ServerSessionImpl;

/**
 * Every message after the handshake must come with the {@code gms_user} its session was bound to
 * (GMS: "all CometD related requests"), and an agent's with the same {@code Authorization} header.
 * Over long-polling that is the header of each HTTP request (or {@code ext.gms_user} of the
 * message); over websocket, that of the upgrade request of the connection the message arrived on,
 * or nothing when it arrived on the connection of the handshake (which may have named the user in
 * its {@code ext}). The {@code BAYEUX_BROWSER} cookie is not needed: CometD trusts client ids, and
 * this check is what ties a message to its session's user. Any other message is refused with {@code
 * 403::gms_user_mismatch} (agents: {@code 403::authorization_mismatch}) and the advice not to
 * retry, so a client that knows another user's session id cannot use it.
 */
final class SameUserCheck implements BayeuxServer.Extension {

  static final String ERROR = "403::gms_user_mismatch";
  static final String AGENT_ERROR = "403::authorization_mismatch";
  static final String UNKNOWN_SESSION = "402::unknown_session";
  static final String BROWSER_COOKIE = "BAYEUX_BROWSER";

  @Override
  public boolean rcv(ServerSession from, ServerMessage.Mutable message) {
    return check(from, message);
  }

  @Override
  public boolean rcvMeta(ServerSession from, ServerMessage.Mutable message) {
    return Channel.META_HANDSHAKE.equals(message.getChannel()) || check(from, message);
  }

  private static boolean check(ServerSession from, ServerMessage.Mutable message) {
    if (from == null || from.isLocalSession()) {
      return true; // unknown sessions are answered 402 by CometD itself
    }
    if (AgentSession.of(from).isPresent()) {
      return AgentSession.sameAuthorization(from, message.getBayeuxContext())
          || refuse(message, AGENT_ERROR);
    }
    Optional<String> bound = GmsUser.of(from);
    if (bound.isEmpty()) {
      return sameBrowser(from, message)
          || refuse(message, UNKNOWN_SESSION, Message.RECONNECT_HANDSHAKE_VALUE);
    }
    Optional<String> given = GmsUser.of(message);
    if (given.isPresent()
        ? bound.equals(given)
        : GmsUser.onHandshakeConnection(from, message.getBayeuxContext())) {
      return true;
    }
    return refuse(message, ERROR);
  }

  /**
   * A session with no user (none of ours is bound to a user and an agent) is found by its client id
   * alone since CometD trusts client ids ({@code trustClientSession}, so that GMS clients that
   * return no cookie keep their sessions); for it the browser cookie of its handshake still counts.
   */
  private static boolean sameBrowser(ServerSession from, ServerMessage.Mutable message) {
    String browserId = from instanceof ServerSessionImpl impl ? impl.getBrowserId() : null;
    return browserId == null
        || (message.getBayeuxContext() != null
            && browserId.equals(message.getBayeuxContext().getCookie(BROWSER_COOKIE)));
  }

  private static boolean refuse(ServerMessage.Mutable message, String error) {
    return refuse(message, error, Message.RECONNECT_NONE_VALUE);
  }

  private static boolean refuse(ServerMessage.Mutable message, String error, String reconnect) {
    ServerMessage.Mutable reply = message.getAssociated();
    if (reply != null) {
      reply.put(Message.ERROR_FIELD, error);
      reply.setSuccessful(false);
      reply.getAdvice(true).put(Message.RECONNECT_FIELD, reconnect);
      if (reply instanceof ServerMessageImpl handled) {
        handled.setHandled(true); // keeps this error instead of CometD's generic one
      }
    }
    return false;
  }
}
