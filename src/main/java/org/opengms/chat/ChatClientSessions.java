package org.opengms.chat;

/**
 * What a transport tells the background engine ({@link ChatBackground}) about the client sessions
 * of a chat, whichever transport they use (v1 CometD sessions of the chat's {@code gms_user}, v2
 * sessions bound by {@code requestChat} / {@code requestNotifications}). While at least one session
 * is bound the chat's events go to the sessions; while none is, to the customer's device.
 */
public interface ChatClientSessions {

  /** Client session {@code sessionId} now hears chat {@code chatId}'s events. */
  void bound(String chatId, String sessionId);

  /**
   * Client session {@code sessionId} no longer hears chat {@code chatId}'s events (disconnected to
   * the background, or expired).
   *
   * @param nextUnseen the v1 transcript position of the first event the client has not seen ({@code
   *     ext.transcriptPosition} of its {@code /meta/disconnect}); null when it did not say, then
   *     whatever was handed to the session counts as seen
   */
  void unbound(String chatId, String sessionId, Integer nextUnseen);
}
