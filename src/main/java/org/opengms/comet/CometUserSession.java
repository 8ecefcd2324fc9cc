package org.opengms.comet;

/**
 * A CDI event: a CometD session of an end user ({@code gms_user}) was added or removed. Fired
 * synchronously on the CometD thread that added or removed it; observers must not block.
 *
 * @param gmsUser the user the session belongs to
 * @param sessionId the session's id
 * @param connected true when added, false when removed
 * @param timeout when removed: whether it expired (no {@code /meta/disconnect})
 * @param transcriptPosition when removed by a {@code /meta/disconnect}: its {@code
 *     ext.transcriptPosition} (the first chat event the client has not seen), else null
 * @param chatId when removed: its {@code ext.chatSessionId} (which chat the position is of), or
 *     null
 */
public record CometUserSession(
    String gmsUser,
    String sessionId,
    boolean connected,
    boolean timeout,
    Integer transcriptPosition,
    String chatId) {

  /**
   * The {@code transcriptPosition} of a message's {@code ext} (a JSON number or a string from 1
   * on), or null when absent or anything else.
   */
  public static Integer transcriptPosition(java.util.Map<String, Object> ext) {
    Object value = ext == null ? null : ext.get("transcriptPosition");
    try {
      long position =
          value instanceof Number n
              ? n.longValue()
              : value instanceof String s ? Long.parseLong(s.strip()) : 0;
      return position >= 1 && position <= Integer.MAX_VALUE ? (int) position : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
