package org.opengms.chat;

/**
 * A CDI event fired (synchronously, under the chat's monitor, so observers see a chat's events in
 * order) after each transcript event is stored: how Chat API v2 CometD sessions hear of them.
 *
 * @param position the event's 1-based position in the transcript
 */
public record ChatEventAppended(ChatSession chat, int position, TranscriptEvent event) {}
