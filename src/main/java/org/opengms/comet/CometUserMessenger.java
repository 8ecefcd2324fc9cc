package org.opengms.comet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerSession;

/**
 * Delivers to the CometD sessions of one {@code gms_user}: one look-up in the session index, then
 * {@code ServerSession.deliver} to each of them, so nobody else receives it and a user with two
 * devices gets it on both. The data is the GMS envelope {@code {"id": <32 hex digits>, "message":
 * ..., "tag": ...}} on {@value CometServer#CHANNEL}; one id per send, the same on every device. No
 * database is touched: delivery only queues the message in memory (bounded per session).
 */
@ApplicationScoped
public class CometUserMessenger implements UserMessenger {

  private static final SecureRandom IDS = new SecureRandom();

  @Inject CometServer comet;

  @Override
  public int send(String gmsUser, String tag, Object message) {
    return send(gmsUser, tag, message, newEnvelopeId());
  }

  @Override
  public int send(String gmsUser, String tag, Object message, String envelopeId) {
    if (gmsUser == null || comet.server().isEmpty()) {
      return 0;
    }
    Set<ServerSession> sessions = comet.sessions().of(gmsUser);
    if (sessions.isEmpty()) {
      return 0;
    }
    Map<String, Object> envelope = envelope(envelopeId, tag, message);
    for (ServerSession session : sessions) {
      // No sender: the message comes from the server itself, not from another client.
      session.deliver(null, CometServer.CHANNEL, envelope, Promise.noop());
    }
    return sessions.size();
  }

  @Override
  public boolean isConnected(String gmsUser) {
    return gmsUser != null && !comet.sessions().of(gmsUser).isEmpty();
  }

  @Override
  public Set<String> sessionIds(String gmsUser) {
    return gmsUser == null
        ? Set.of()
        : comet.sessions().of(gmsUser).stream()
            .map(ServerSession::getId)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  @Override
  public String newEnvelopeId() {
    byte[] id = new byte[16];
    IDS.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  private static Map<String, Object> envelope(String id, String tag, Object message) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", id);
    envelope.put("message", message);
    envelope.put("tag", tag);
    return Collections.unmodifiableMap(envelope); // shared by the deliveries to each session
  }
}
