package org.opengms.comet;

import java.util.Optional;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.ServerMessageImpl;

/**
 * Every message after the handshake must come with the {@code gms_user} its session was bound to
 * (GMS: "all CometD related requests"), and an agent's with the same {@code Authorization} header.
 * Over long-polling that is the header of each HTTP request; over websocket, that of the upgrade
 * request of the connection the message arrived on. Any other message is refused with {@code
 * 403::gms_user_mismatch} (agents: {@code 403::authorization_mismatch}) and the advice not to
 * retry, so a client that knows another user's session id cannot use it.
 */
final class SameUserCheck implements BayeuxServer.Extension {

  static final String ERROR = "403::gms_user_mismatch";
  static final String AGENT_ERROR = "403::authorization_mismatch";

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
    if (bound.isEmpty() || bound.equals(GmsUser.of(message.getBayeuxContext()))) {
      return true;
    }
    return refuse(message, ERROR);
  }

  private static boolean refuse(ServerMessage.Mutable message, String error) {
    ServerMessage.Mutable reply = message.getAssociated();
    if (reply != null) {
      reply.put(Message.ERROR_FIELD, error);
      reply.setSuccessful(false);
      reply.getAdvice(true).put(Message.RECONNECT_FIELD, Message.RECONNECT_NONE_VALUE);
      if (reply instanceof ServerMessageImpl handled) {
        handled.setHandled(true); // keeps this error instead of CometD's generic one
      }
    }
    return false;
  }
}
