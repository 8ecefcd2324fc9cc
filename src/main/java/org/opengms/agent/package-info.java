/**
 * Agents: their presence in memory ({@link org.opengms.agent.AgentPresence}: ready, since when, the
 * chats each has; read by the chat router and the chat and callback statistics) and the Agent API
 * ({@code /1/agent/...}): presence and the agent's own chats, over HTTP Basic. The agent's chat use
 * cases are {@link org.opengms.chat.AgentChats}. {@code AgentPresence}'s monitor is a leaf lock
 * (see the lock order in {@link org.opengms.chat}).
 */
package org.opengms.agent;
