package org.opengms.chat;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opengms.notification.NotificationDetails;
import org.opengms.notification.Notifications;
import org.opengms.notification.PublishRequest;

/**
 * Sends a chat's events to the customer's device through the native push channels (APNs, FCM) of
 * the Notification API, so the outbound rules, OS attributes and the durable retry outbox apply.
 * The message (tag {@value #TAG}) is a JSON object the app parses, as for callbacks: {@code
 * {"chatId", "serviceId", "type", "transcriptPosition", "index", "nickname", "text", "utcTime"}}
 * ({@code type} in Chat API v2 names; {@code transcriptPosition} the v1 position of the event,
 * {@code index} its v2 index; {@code IdleAlert} and {@code IdleClose} have neither).
 *
 * <p>Never on the caller's thread, and one chat's pushes leave in the order they were asked for.
 */
@ApplicationScoped
public class ChatDevicePush {

  private static final Logger LOG = Logger.getLogger(ChatDevicePush.class.getName());

  static final String TAG = "service.chat";

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject Notifications notifications;
  @Resource ManagedExecutorService executor;

  private final ConcurrentMap<String, CompletableFuture<Void>> lastOfChat =
      new ConcurrentHashMap<>();

  /** Pushes transcript event {@code event} at v1 {@code position}. */
  void event(ChatSession chat, int position, TranscriptEvent event) {
    Map<String, Object> message = message(chat, v2Type(event.type()));
    message.put("transcriptPosition", position);
    message.put("index", position + 1);
    message.put("nickname", event.nickname());
    message.put("text", event.text());
    message.put(
        "utcTime", chat.getStartedAt().plusSeconds(event.secondsFromStart()).toEpochMilli());
    send(chat, message);
  }

  /** Pushes {@code IdleAlert} or {@code IdleClose} with {@code text}. */
  void idle(ChatSession chat, String type, String text) {
    Map<String, Object> message = message(chat, type);
    message.put("text", text);
    message.put("utcTime", System.currentTimeMillis());
    send(chat, message);
  }

  private static Map<String, Object> message(ChatSession chat, String type) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("chatId", chat.getId());
    message.put("serviceId", chat.getServiceId());
    message.put("type", type);
    return message;
  }

  /** The Chat API v2 name of a transcript event type. */
  static String v2Type(String type) {
    return switch (type) {
      case TranscriptEvent.MESSAGE -> "Message";
      case TranscriptEvent.JOINED -> "ParticipantJoined";
      case TranscriptEvent.LEFT -> "ParticipantLeft";
      case TranscriptEvent.TYPING_STARTED -> "TypingStarted";
      case TranscriptEvent.TYPING_STOPPED -> "TypingStopped";
      case TranscriptEvent.PUSH_URL -> "PushUrl";
      case TranscriptEvent.CUSTOM -> "CustomNotice";
      case TranscriptEvent.FILE_UPLOADED -> "FileUploaded";
      case TranscriptEvent.FILE_DELETED -> "FileDeleted";
      default -> type.startsWith("Notice.") ? type.substring("Notice.".length()) : type;
    };
  }

  private void send(ChatSession chat, Map<String, Object> message) {
    ChatDevice device = chat.getDevice();
    PublishRequest publish = new PublishRequest();
    publish.tag = TAG;
    publish.message = JSON.toJson(message);
    publish.providerName = device.provider();
    publish.notificationDetails = new NotificationDetails();
    publish.notificationDetails.type = device.type();
    publish.notificationDetails.deviceId = device.deviceId();
    publish.notificationDetails.properties = Map.of("debug", Boolean.toString(device.debug()));
    String id = chat.getId();
    Runnable task =
        () -> {
          try {
            notifications.publish(publish);
          } catch (RuntimeException e) {
            // a failed first attempt is in the outbox already, retried from there
            LOG.log(Level.FINE, "Chat " + id + ": device push not delivered now", e);
          }
        };
    try {
      CompletableFuture<Void> queued =
          lastOfChat.compute(
              id,
              (key, last) ->
                  last == null
                      ? CompletableFuture.runAsync(task, executor)
                      : last.exceptionally(e -> null).thenRunAsync(task, executor));
      queued.whenComplete((done, failure) -> lastOfChat.remove(id, queued));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Chat " + id + ": device push dropped (executor refused)", e);
    }
  }
}
