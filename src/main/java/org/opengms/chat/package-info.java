/**
 * The built-in chat engine: chat sessions and their transcripts (persisted), the queue of waiting
 * chats and the agents who take them, and the customer Chat API ({@code /1/service/{id}/ixn/chat}).
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link org.opengms.chat.ChatEngine}: the customer's use cases (start, refresh, act,
 *       disconnect); {@link org.opengms.chat.AgentChats}: the agent's (me, ready, chats,
 *       transcript, act, leave);
 *   <li>{@link org.opengms.chat.ChatRequests}: request and parameter checks, before any change;
 *   <li>{@link org.opengms.chat.ChatQueue}: the waiting queue and the routing decision, owner of
 *       the routing lock; {@link org.opengms.chat.ChatRouter}: what routing and leaving cause
 *       (assign, re-queue, finish, presence changes, restart);
 *   <li>{@link org.opengms.agent.AgentPresence}: who is ready and which chats each agent has;
 *   <li>{@link org.opengms.chat.OpenChats}: open chats by id and service, recently finished ones;
 *   <li>{@link org.opengms.chat.Transcripts}: storing, keeping and pushing events, showing them;
 *   <li>{@link org.opengms.chat.IdleChats}: ending chats idle past their timeout (expiry timer);
 *   <li>{@link org.opengms.chat.ChatBackground}: chats whose client is in the background, their
 *       events pushed to the customer's device ({@link org.opengms.chat.ChatDevice}, {@link
 *       org.opengms.chat.ChatDevicePush}); transports report bound client sessions through {@link
 *       org.opengms.chat.ChatClientSessions} ({@link org.opengms.chat.V1CometSessions} for v1).
 *   <li>{@link org.opengms.chat.ChatCluster}: chat across nodes sharing PostgreSQL — the chat's row
 *       lock and the routing lock in the database, what other nodes wrote read ({@link
 *       org.opengms.chat.ChatReplay} pushes it to the sessions here); nothing on H2;
 *   <li>{@link org.opengms.chat.CustomerChanges}: what a Chat API v2 customer may change besides
 *       (nickname, user data) and finding chats by id or secure key, for {@code chat.v2}; each
 *       stored event is also announced as a {@link org.opengms.chat.ChatEventAppended} CDI event
 *       (synchronous, under the chat's monitor), which the v2 CometD bindings observe.
 * </ul>
 *
 * <h2>Lock order</h2>
 *
 * <ol>
 *   <li>the routing lock ({@code ChatQueue.lock()}): the queue, which agent has which chat, and the
 *       {@link org.opengms.chat.ChatFigures} counters; taken by start, disconnect, a deleted
 *       service, idle ends, an agent's presence, leave and routing;
 *   <li>a chat's own monitor ({@code LiveChat}): its transcript, state and what the customer saw;
 *   <li>{@link org.opengms.agent.AgentPresence}'s monitor: a leaf, nothing is called under it;
 *   <li>a Chat API v2 binding's monitor ({@code ChatV2Bindings}): taken under the chat's monitor
 *       when an event is appended ({@link org.opengms.chat.ChatEventAppended} is synchronous); only
 *       the CometD delivery runs under it.
 * </ol>
 *
 * On PostgreSQL each monitor has its database lock, taken inside it in the same order (the routing
 * advisory lock under the routing lock, the chat's row lock under the chat's monitor) and held to
 * the use case's commit ({@code jakarta.transaction.Transactional} on each use case), so nodes
 * change the queue and a chat one at a time too.
 *
 * <p>Never the other way round: code holding a chat's monitor never waits for the routing lock
 * (refresh and act take only the chat's). The background state of a chat is guarded by the chat's
 * monitor; pushing to a device only queues on an executor. {@code OpenChats} uses concurrent maps,
 * no lock.
 *
 * <h2>Which clock is which</h2>
 *
 * <ul>
 *   <li>Wall clock ({@link java.time.Instant#now()}): what a chat is and when, as stored and shown
 *       — {@code startedAt}, {@code queuedAt}, {@code finishedAt}, an event's seconds from the
 *       start, a chat's last activity (idle timeout), the service's expiry, and when an agent
 *       became ready (which of equally loaded agents gets the next chat).
 *   <li>Business time ({@link org.opengms.time.ServerClock}, which an admin may move in tests and
 *       demos): statistics only — answered and handle times ({@code ChatFigures}) and an agent's
 *       login time ({@code TotalLoginTime}).
 * </ul>
 */
package org.opengms.chat;
