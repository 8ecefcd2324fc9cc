/** The Agent API ({@code /1/agent/...}): presence and the agent's own chats, over HTTP Basic. */
package org.opengms.agent;
