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
    String chatId) {}
