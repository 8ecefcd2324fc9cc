package org.opengms.chat.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.opengms.api.error.AccessDeniedException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.chat.ChatSession;
import org.opengms.chat.OpenChats;
import org.opengms.security.User;

/** Whose chat it is: its customer, known by the chat's {@code secureKey}, or its agent. */
@ApplicationScoped
public class ChatFileAccess {

  @Inject OpenChats chats;

  /** 400 no secureKey, 404 unknown chat (or not of {@code service}), 403 wrong secureKey. */
  public ChatSession customer(String service, String chatId, String secureKey) {
    if (secureKey == null || secureKey.isBlank()) {
      throw new InvalidRequestException("secureKey is mandatory");
    }
    ChatSession chat = chat(chatId);
    if (service != null && !service.equals(chat.getServiceName())) {
      throw new ResourceNotFoundException("Chat " + chatId + " not found");
    }
    if (!MessageDigest.isEqual(
        secureKey.strip().getBytes(StandardCharsets.UTF_8),
        chat.getSecureKey().getBytes(StandardCharsets.UTF_8))) {
      throw new AccessDeniedException("Wrong secureKey for chat " + chatId);
    }
    return chat;
  }

  /** 404 unknown chat, 403 a chat the agent never had. */
  public ChatSession agent(String chatId, User user) {
    ChatSession chat = chat(chatId);
    if (!user.login().equals(chat.getAgentLogin())) {
      throw new AccessDeniedException("Chat " + chatId + " is not assigned to " + user.login());
    }
    return chat;
  }

  private ChatSession chat(String chatId) {
    if (chatId == null || chatId.isBlank() || chatId.length() > 16) {
      throw new ResourceNotFoundException("Chat " + chatId + " not found");
    }
    return chats
        .session(chatId)
        .orElseThrow(() -> new ResourceNotFoundException("Chat " + chatId + " not found"));
  }
}
