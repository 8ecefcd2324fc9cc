package org.opengms.comet;

/**
 * Sends messages to the CometD sessions of one end user, identified by the {@code gms_user} header
 * their sessions were opened with. The message reaches the user's sessions only, on channel {@code
 * /_genesys}, in the GMS envelope {@code {"id": ..., "message": ..., "tag": ...}}.
 */
public interface UserMessenger {

  /**
   * Delivers {@code message} (a JSON-able object: map, list, string, number) with {@code tag}.
   *
   * @return how many sessions it was handed to (0 when the user has none)
   */
  int send(String gmsUser, String tag, Object message);

  /**
   * As {@link #send(String, String, Object)}, with the envelope id given: the nodes of a cluster
   * deliver one notification under one id.
   */
  int send(String gmsUser, String tag, Object message, String envelopeId);

  /** A new envelope id (32 hex digits). */
  String newEnvelopeId();

  /** Whether the user has at least one live session. */
  boolean isConnected(String gmsUser);

  /** The ids of the user's live sessions; empty when none. */
  java.util.Set<String> sessionIds(String gmsUser);
}
