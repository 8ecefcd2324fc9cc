/**
 * Agents' presence in memory ({@link org.opengms.agent.AgentPresence}: ready, since when, the chats
 * each has), read by the chat router and the chat and callback statistics. The Agent API ({@code
 * /1/agent/...}) and the agent's chat use cases are in {@code chat} ({@code AgentResource}, {@code
 * AgentChats}). {@code AgentPresence}'s monitor is a leaf lock (see the lock order in {@link
 * org.opengms.chat}). On PostgreSQL the nodes share presence in {@code agent_presence} ({@link
 * org.opengms.agent.PresenceRow}, {@link org.opengms.agent.PresenceStore}); memory is each node's
 * copy.
 */
package org.opengms.agent;
