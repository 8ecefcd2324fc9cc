/**
 * Chat file transfer: files a chat's customer or agent upload, kept on disk in the {@link
 * org.opengms.storage.BlobStore} with one {@link org.opengms.chat.files.ChatFile} row each, the
 * {@code [chat] file_*} limits, and their removal a retention after the chat ended.
 */
package org.opengms.chat.files;
