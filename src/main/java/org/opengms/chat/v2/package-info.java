/**
 * Chat API Version 2 (GMS 8.5.1xx) on the chats of the built-in engine: over REST ({@code POST
 * /genesys/2/chat/<service>[/<chatId>/<operation>]}, {@link ChatV2Resource}) and over CometD
 * ({@code /service/chatV2/<service>}, {@link ChatV2Channel}). Only the engine's public customer
 * methods are used; v2 adds the answer and event shapes ({@link ChatV2Answers}), the parameter
 * rules ({@link ChatV2Params}) and the CometD sessions bound to each chat ({@link ChatV2Bindings},
 * whose monitor is taken under a chat's: see the lock order in {@link org.opengms.chat}). Others
 * use only {@link ChatV2Answers} (the chat files' v2 answers).
 *
 * <p>Numbering: v2 event 1 is the customer's own {@code ParticipantJoined}, which the engine does
 * not store (v1 has none); engine transcript position {@code p} is v2 index {@code p + 1}.
 */
package org.opengms.chat.v2;
