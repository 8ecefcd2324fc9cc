package org.opengms.chat;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.service.ServiceManager;

/**
 * The open chats in memory, by chat id and by service id, plus the chats finished lately; chats not
 * found here are read from the database. Thread-safe maps, no lock of its own: registering and
 * closing happen under the routing lock, or (a chat another node changed) under the chat's monitor.
 * On PostgreSQL every node holds every open chat it has heard of ({@link ChatCluster}).
 */
@ApplicationScoped
public class OpenChats {

  private static final int RECENTLY_FINISHED = 10_000;

  @EJB ChatStore store;
  @EJB ServiceManager services;
  @Inject ChatCluster cluster;
  @Inject ChatReplay replay;

  private final Map<String, LiveChat> byId = new ConcurrentHashMap<>();
  private final Map<String, LiveChat> byService = new ConcurrentHashMap<>();

  /** v2 CometD operations name their chat by secure key only: one lookup, not a scan. */
  private final Map<String, LiveChat> bySecureKey = new ConcurrentHashMap<>();

  /**
   * Chats finished lately, by service id, so a customer still polling without a position is shown
   * the last events (Notice.Left) once; bounded, older ones are read from the database.
   */
  private final Map<String, LiveChat> finished =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LiveChat> eldest) {
              return size() > RECENTLY_FINISHED;
            }
          });

  void register(LiveChat chat) {
    byId.put(chat.id(), chat);
    byService.put(chat.session.getServiceId(), chat);
    bySecureKey.put(chat.session.getSecureKey(), chat);
  }

  /**
   * A chat another node started or changed, as read from the database, joins this node's open
   * chats; when it is there already (another thread was first), that one is answered. Its events
   * are pushed to this node's sessions ({@link ChatReplay#firstSight}) before any other thread can
   * see it: whatever happened elsewhere, sessions here heard nothing of it yet.
   */
  LiveChat adopt(ChatSession row, List<TranscriptEvent> events) {
    LiveChat adopted = new LiveChat(row, new ArrayList<>(), 0);
    synchronized (adopted) {
      LiveChat known = byId.putIfAbsent(row.getId(), adopted);
      if (known != null) {
        return known;
      }
      byService.put(row.getServiceId(), adopted);
      bySecureKey.put(row.getSecureKey(), adopted);
      replay.firstSight(adopted, events);
    }
    return adopted;
  }

  /** The chat is finished: no longer open, kept among the recent ones. */
  void closed(LiveChat chat) {
    byId.remove(chat.id());
    byService.remove(chat.session.getServiceId());
    bySecureKey.remove(chat.session.getSecureKey());
    finished.put(chat.session.getServiceId(), chat);
  }

  /** Whether the service has a chat, open or stored. */
  boolean hasChat(String serviceId) {
    return byService.containsKey(serviceId) || store.byService(serviceId).isPresent();
  }

  /**
   * Open chat {@code chatId}, or null. On PostgreSQL a chat another node started and this one has
   * not heard of yet is read and adopted.
   */
  LiveChat open(String chatId) {
    LiveChat live = byId.get(chatId);
    return live != null || !cluster.clustered()
        ? live
        : store.find(chatId).map(this::adoptOpen).orElse(null);
  }

  LiveChat openOfService(String serviceId) {
    LiveChat live = byService.get(serviceId);
    return live != null || !cluster.clustered()
        ? live
        : store.byService(serviceId).map(this::adoptOpen).orElse(null);
  }

  LiveChat openBySecureKey(String secureKey) {
    LiveChat live = bySecureKey.get(secureKey);
    return live != null || !cluster.clustered()
        ? live
        : store.bySecureKey(secureKey).map(this::adoptOpen).orElse(null);
  }

  /** The chat of {@code row} adopted when it is open, else null. */
  private LiveChat adoptOpen(ChatSession row) {
    return row.getState() == ChatState.FINISHED ? null : adopt(row, store.transcript(row.getId()));
  }

  Collection<LiveChat> all() {
    return byId.values();
  }

  int size() {
    return byId.size();
  }

  /** The chat of a live service: in memory while open, else from the database; 404, 400. */
  LiveChat ofCustomer(String serviceId) {
    LiveChat live = openOfService(serviceId);
    if (live != null && live.session.getServiceExpiresAt().isAfter(Instant.now())) {
      return live;
    }
    services.find(serviceId); // 404 for an unknown, ended or expired service
    LiveChat recent = finished.get(serviceId);
    if (recent != null) {
      return recent;
    }
    return store
        .byService(serviceId)
        .map(
            c -> {
              List<TranscriptEvent> events = new ArrayList<>(store.transcript(c.getId()));
              return new LiveChat(c, events, events.size());
            })
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "No chat for service " + serviceId + ": start one with ixn/chat first"));
  }

  /** A chat by id, open or stored (for its agent); 404 when unknown. */
  LiveChat byId(String chatId) {
    LiveChat live = open(chatId);
    return live != null
        ? live
        : store
            .find(chatId)
            .map(c -> new LiveChat(c, new ArrayList<>(store.transcript(c.getId())), 0))
            .orElseThrow(() -> new ResourceNotFoundException("Chat " + chatId + " not found"));
  }

  // ---------------------------------------------------------------- for chat files (chat.files)

  /** Chat {@code chatId} (an open one as it is now); empty when unknown. */
  public Optional<ChatSession> session(String chatId) {
    LiveChat live = byId.get(chatId);
    return live != null ? Optional.of(live.session) : store.find(chatId);
  }

  /** The id of the chat whose secureKey is {@code secureKey}. */
  public Optional<String> chatIdBySecureKey(String secureKey) {
    return store.bySecureKey(secureKey).map(ChatSession::getId);
  }

  /** The index the chat's next event will have (its events are numbered from 1). */
  public int nextPosition(String chatId) {
    LiveChat live = byId.get(chatId);
    return 1 + (live != null ? live.size() : store.transcript(chatId).size());
  }
}
