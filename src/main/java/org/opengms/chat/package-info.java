/**
 * The built-in chat engine: chat sessions and their transcripts (persisted), the queue of waiting
 * chats and the agents who take them, and the customer Chat API ({@code /1/service/{id}/ixn/chat}).
 */
package org.opengms.chat;
