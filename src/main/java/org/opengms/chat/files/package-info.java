/**
 * Chat file transfer: files a chat's customer or agent upload (Chat API v2 {@code file/...} and
 * {@code /2/chat-ntf}, the Agent API's {@code chats/{id}/file...}), kept on disk in the {@link
 * org.opengms.persistence.files.BlobStore} with one {@link org.opengms.chat.files.ChatFile} row
 * each, the {@code [chat] file_*} limits (and a chat service's {@code _chat_file_*}), checked again
 * under the chat's row lock when the row commits, and their removal a retention after the chat
 * ended. Only its own resources use it.
 */
package org.opengms.chat.files;
