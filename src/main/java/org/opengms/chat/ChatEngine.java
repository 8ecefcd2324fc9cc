package org.opengms.chat;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.ConfigurationProvider;
import org.opengms.notification.PushSettings;
import org.opengms.service.ServiceDefinition;
import org.opengms.service.ServiceEnded;
import org.opengms.service.ServiceManager;
import org.opengms.service.ServiceSession;

/**
 * The customer's use cases of the built-in chat (Chat API v1): start a chat, poll or write, leave.
 * Open chats live in memory ({@link OpenChats}, restored from the database at start-up); each
 * transcript event costs one insert ({@link Transcripts}), each routing change one update ({@link
 * ChatRouter}). The lock order is in the package documentation.
 */
@ApplicationScoped
public class ChatEngine {

  @EJB ChatStore store;
  @EJB ServiceManager services;
  @Inject ConfigurationProvider configuration;
  @Inject ChatQueue queue;
  @Inject ChatRouter router;
  @Inject OpenChats open;
  @Inject Transcripts transcripts;
  @Inject ChatCluster cluster;
  @Inject Instance<PreferredAgents> preferredAgents;

  /** {@code POST /1/service/{id}/ixn/chat}. */
  @Transactional
  public ChatView.Snapshot start(String serviceId, Map<String, String> p, String requestGmsUser) {
    ServiceSession service = services.find(serviceId);
    ServiceDefinition definition =
        ChatRequests.chatService(configuration.current(), service.getServiceName());
    ChatCustomer customer =
        ChatRequests.customer(
            p,
            definition,
            service,
            requestGmsUser,
            configuration.current().get(PushSettings.class));
    cluster.connect();
    synchronized (queue.lock()) {
      cluster.lockRouting();
      if (open.hasChat(serviceId)) {
        throw new InvalidRequestException("A chat was already started for service " + serviceId);
      }
      ChatSession chat =
          new ChatSession(customer, serviceId, definition.name(), service.getExpiresAt());
      preferredAgents.stream()
          .map(agents -> agents.forService(serviceId))
          .flatMap(Optional::stream)
          .findFirst()
          .ifPresent(chat::preferAgent);
      store.create(chat);
      router.enqueue(new LiveChat(chat, new ArrayList<>(), 0));
      return new ChatView.Snapshot(chat, "CONNECTED", 1, null);
    }
  }

  /** {@code refresh}, with an optional {@code message} and {@code transcriptPosition}. */
  @Transactional
  public ChatView.Snapshot refresh(String serviceId, Map<String, String> p) {
    LiveChat chat = open.ofCustomer(serviceId);
    String message = p.get("message");
    Integer from = ChatRequests.position(p.get("transcriptPosition"));
    chat.touch(Instant.now()); // a polling customer is not idle
    cluster.connect();
    synchronized (chat) {
      cluster.lock(chat, true);
      if (message != null && !message.isEmpty()) {
        ChatRequests.requireOpen(chat);
        transcripts.append(
            chat, Transcripts.client(chat, TranscriptEvent.MESSAGE, checked(message)));
      }
      return transcripts.show(chat, from);
    }
  }

  /** {@code send} ({@code message} mandatory), {@code startTyping}, {@code stopTyping}, ... */
  @Transactional
  public ChatView.Snapshot act(String serviceId, String action, Map<String, String> p) {
    LiveChat chat = open.ofCustomer(serviceId);
    TranscriptEvent event =
        switch (action) {
          case "send" ->
              Transcripts.client(chat, TranscriptEvent.MESSAGE, checked(ChatRequests.message(p)));
          case "startTyping" ->
              Transcripts.client(chat, TranscriptEvent.TYPING_STARTED, "is typing");
          case "stopTyping" ->
              Transcripts.client(chat, TranscriptEvent.TYPING_STOPPED, "stopped typing");
          case "customNotice" ->
              Transcripts.client(
                  chat, TranscriptEvent.CUSTOM, checked(p.getOrDefault("message", "")));
          case "pushUrl" ->
              Transcripts.client(
                  chat, TranscriptEvent.PUSH_URL, ChatRequests.url(p.get("pushUrl")));
          default -> throw new ResourceNotFoundException("Unknown chat request " + action);
        };
    Integer from = ChatRequests.position(p.get("transcriptPosition"));
    cluster.connect();
    synchronized (chat) {
      cluster.lock(chat, true);
      ChatRequests.requireOpen(chat);
      transcripts.append(chat, event);
      return transcripts.show(chat, from);
    }
  }

  /** {@code disconnect}: the customer leaves; the chat ends (again: no change). */
  @Transactional
  public ChatView.Snapshot disconnect(String serviceId) {
    LiveChat chat = open.ofCustomer(serviceId);
    cluster.connect();
    synchronized (queue.lock()) {
      synchronized (chat) {
        router.customerLeft(chat);
        chat.markSeen();
        return new ChatView.Snapshot(chat.session, "TRANSCRIPT", chat.size() + 1, null);
      }
    }
  }

  /** The chat of a service ended by DELETE ends too, the customer having left. */
  void serviceEnded(@Observes ServiceEnded ended) {
    LiveChat chat = open.openOfService(ended.serviceId());
    if (chat != null) {
      router.customerLeft(chat);
    }
  }

  private String checked(String text) {
    return ChatRequests.checked(
        text, configuration.current().get(ChatSettings.class).maxMessageBytes());
  }
}
