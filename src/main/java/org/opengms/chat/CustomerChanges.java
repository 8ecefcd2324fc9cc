package org.opengms.chat;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.config.ConfigurationProvider;

/**
 * What a Chat API v2 customer may do beyond v1 (change nickname, update user data), and finding a
 * chat by id or secure key; takes only the chat's monitor, like {@link ChatEngine#act}.
 */
@ApplicationScoped
public class CustomerChanges {

  private static final int MAX_NICKNAME_CHARS = 255;

  @EJB ChatStore store;
  @Inject OpenChats open;
  @Inject Transcripts transcripts;
  @Inject ConfigurationProvider configuration;
  @Inject ChatCluster cluster;

  /** {@code updateNickname}: a {@code Notice.NicknameUpdated} event; the new nickname is kept. */
  @Transactional
  public ChatView.Snapshot rename(String serviceId, String nickname, String position) {
    LiveChat chat = open.ofCustomer(serviceId);
    String name =
        ChatRequests.checked(
            nickname, configuration.current().get(ChatSettings.class).maxMessageBytes());
    if (name.isBlank() || name.length() > MAX_NICKNAME_CHARS) {
      throw new InvalidRequestException("nickname must be 1 to 255 characters");
    }
    Integer from = ChatRequests.position(position);
    cluster.connect();
    synchronized (chat) {
      cluster.lock(chat, true);
      ChatRequests.requireOpen(chat);
      chat.session.rename(name);
      store.saveCustomer(chat.session);
      transcripts.append(chat, Transcripts.client(chat, TranscriptEvent.NICKNAME_UPDATED, name));
      return transcripts.show(chat, from);
    }
  }

  /** {@code updateData}: merged into the chat's user data (agents see it); no event. */
  @Transactional
  public ChatView.Snapshot updateUserData(String serviceId, Map<String, String> data) {
    LiveChat chat = open.ofCustomer(serviceId);
    cluster.connect();
    synchronized (chat) {
      cluster.lock(chat, true);
      ChatRequests.requireOpen(chat);
      chat.session.mergeUserData(data);
      store.saveCustomer(chat.session);
      chat.touch(Instant.now());
      return transcripts.show(chat, null);
    }
  }

  /** The chat {@code chatId}: open, or finished from the database. */
  public Optional<ChatSession> session(String chatId) {
    LiveChat live = open.open(chatId);
    return live != null ? Optional.of(live.session) : store.find(chatId);
  }

  /** The chat with secure key {@code key}, open ones first (CometD operations name it so). */
  public Optional<ChatSession> bySecureKey(String key) {
    LiveChat live = open.openBySecureKey(key);
    return live != null ? Optional.of(live.session) : store.bySecureKey(key);
  }
}
