package org.opengms.chat.v2;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengms.api.error.AccessDeniedException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.chat.ChatEngine;
import org.opengms.chat.ChatSession;
import org.opengms.chat.ChatSettings;
import org.opengms.chat.ChatState;
import org.opengms.chat.ChatView;
import org.opengms.config.ConfigurationProvider;
import org.opengms.config.GmsConfiguration;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;
import org.opengms.service.ServiceManager;
import org.opengms.service.ServiceSession;

/**
 * The Chat API v2 use cases, shared by REST and CometD: each maps onto the engine's customer
 * methods (the chat's service instance, created with the chat, is how the engine knows it).
 */
@ApplicationScoped
public class ChatV2Chats {

  private static final int MAX_NAME_CHARS = 255;

  @Inject ChatEngine engine;
  @Inject org.opengms.chat.CustomerChanges changes;
  @EJB ServiceManager services;
  @Inject ConfigurationProvider configuration;

  /** {@code requestChat}: a new chat of chat service {@code serviceName}. */
  public Map<String, Object> requestChat(String serviceName, Map<String, String> p) {
    ChatV2Params.check(ChatV2Params.REQUEST_CHAT, p);
    GmsConfiguration config = configuration.current();
    ServiceDefinition definition = chatService(config, serviceName);
    String first = name(p, "firstName");
    String last = name(p, "lastName");
    String nickname = name(p, "nickname");
    if (nickname == null) {
      if (first == null || last == null) {
        throw new InvalidRequestException("nickname, or firstName and lastName, is mandatory");
      }
      nickname = first + " " + last;
    }
    Map<String, String> userData = ChatV2Params.userData(p);
    Map<String, String> v1 = new HashMap<>();
    v1.put(
        "subject", Optional.ofNullable(p.get("subject")).filter(s -> !s.isBlank()).orElse("Chat"));
    v1.put("userDisplayName", nickname);
    putIfPresent(v1, "firstName", first);
    putIfPresent(v1, "lastName", last);
    putIfPresent(v1, "email", p.get("emailAddress"));
    putIfPresent(v1, "clientTimeZoneOffset", userData.get("TimeZone"));
    for (String setting : org.opengms.chat.ChatDevice.SETTINGS) {
      putIfPresent(v1, setting, userData.get(setting)); // the device for background pushes
    }
    ServiceSession service = services.create(definition, List.of(), null);
    engine.start(service.getId(), v1, null);
    ChatView.Snapshot s =
        userData.isEmpty()
            ? engine.refresh(service.getId(), Map.of())
            : changes.updateUserData(service.getId(), userData);
    return ChatV2Answers.answer(
        s.chat(), alias(config), ChatV2Answers.nextPosition(s), ChatV2Answers.events(s, true));
  }

  /** Any operation but {@code requestChat} on chat {@code chatId} of {@code serviceName}. */
  public Map<String, Object> operate(
      String serviceName, String chatId, String operation, Map<String, String> p) {
    ChatV2Params.check(operation, p);
    ChatSession chat = authorized(serviceName, chatId, p);
    try {
      return perform(chat, operation, p);
    } catch (InvalidRequestException e) {
      // the chat ended meanwhile (engine: "finished"): answered as an ended chat
      if (isEnded(chat.getId())) {
        return ended(chat);
      }
      throw e;
    }
  }

  private Map<String, Object> perform(ChatSession chat, String operation, Map<String, String> p) {
    String service = chat.getServiceId();
    Integer from = ChatV2Params.position(p.get("transcriptPosition"));
    if (chat.getState() == ChatState.FINISHED && !operation.equals("refresh")) {
      return ended(chat);
    }
    Map<String, String> v1 = new HashMap<>();
    putIfPresent(v1, "transcriptPosition", ChatV2Params.enginePosition(from));
    ChatView.Snapshot s =
        switch (operation) {
          case "send" -> {
            putIfPresent(v1, "message", p.get("message"));
            yield engine.act(service, "send", v1);
          }
          case "startTyping", "stopTyping" -> engine.act(service, operation, v1);
          case "refresh" -> engine.refresh(service, v1);
          case "disconnect" -> {
            ChatView.Snapshot done = engine.disconnect(service);
            yield engine.refresh(
                service, Map.of("transcriptPosition", Integer.toString(done.position() - 1)));
          }
          case "pushUrl" -> {
            putIfPresent(v1, "pushUrl", p.get("pushUrl"));
            yield engine.act(service, "pushUrl", v1);
          }
          case "customNotice" -> {
            putIfPresent(v1, "message", p.get("message"));
            yield engine.act(service, "customNotice", v1);
          }
          case "updateNickname" ->
              changes.rename(service, required(p, "nickname"), v1.get("transcriptPosition"));
          case "updateData" -> {
            Map<String, String> data = ChatV2Params.userData(p);
            if (data.isEmpty()) {
              throw new InvalidRequestException("userData[...] is mandatory");
            }
            yield changes.updateUserData(service, data);
          }
          default -> throw new ResourceNotFoundException("Unknown chat operation " + operation);
        };
    List<Map<String, Object>> events = ChatV2Answers.events(s, from != null && from == 1);
    String messageType = p.get("messageType");
    if (operation.equals("send") && messageType != null) {
      // echoed on the customer's message in this answer (not kept with the transcript)
      events.stream()
          .filter(e -> "Message".equals(e.get("type")))
          .reduce((a, b) -> b)
          .ifPresent(e -> e.put("messageType", messageType));
    }
    return ChatV2Answers.answer(
        s.chat(), alias(configuration.current()), ChatV2Answers.nextPosition(s), events);
  }

  /** The events from v2 index {@code from} on, and the index after them. */
  ChatView.Snapshot from(ChatSession chat, int from) {
    return engine.refresh(
        chat.getServiceId(), Map.of("transcriptPosition", ChatV2Params.enginePosition(from)));
  }

  /** The chat, if {@code p} proves to be its customer: 404 unknown, 400 no key, 403 wrong key. */
  ChatSession authorized(String serviceName, String chatId, Map<String, String> p) {
    ChatSession chat =
        changes
            .session(chatId)
            .filter(c -> c.getServiceName().equals(serviceName))
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "Chat " + chatId + " of " + serviceName + " not found"));
    String key = p.get("secureKey");
    if (key == null || key.isBlank()) {
      throw new InvalidRequestException("secureKey is mandatory");
    }
    if (!same(key, chat.getSecureKey())
        || (p.containsKey("userId") && !same(p.get("userId"), chat.getUserId()))
        || (p.containsKey("alias") && !same(p.get("alias"), alias(configuration.current())))) {
      throw new AccessDeniedException("secureKey, userId or alias does not match chat " + chatId);
    }
    return chat;
  }

  /** The chat whose secure key is {@code secureKey} (CometD operations name chats by it). */
  Optional<String> chatIdOf(String secureKey) {
    return changes.bySecureKey(secureKey).map(ChatSession::getId);
  }

  boolean isEnded(String chatId) {
    return changes.session(chatId).map(c -> c.getState() == ChatState.FINISHED).orElse(false);
  }

  /** An ended chat's answer: nothing changes, no events. */
  private Map<String, Object> ended(ChatSession chat) {
    ChatSession now = changes.session(chat.getId()).orElse(chat);
    ChatView.Snapshot s = engine.refresh(chat.getServiceId(), Map.of("transcriptPosition", "1"));
    return ChatV2Answers.answer(
        now, alias(configuration.current()), ChatV2Answers.nextPosition(s), List.of());
  }

  /** The host alias of this server in v2 answers ({@code [chat] alias}, default 1). */
  public static String alias(GmsConfiguration config) {
    return config.get(ChatSettings.class).alias();
  }

  private static ServiceDefinition chatService(GmsConfiguration config, String name) {
    return config
        .get(ServiceCatalog.class)
        .find(name)
        .filter(
            d ->
                d.isBuiltin(BuiltinService.REQUEST_CHAT)
                    || d.isBuiltin(BuiltinService.REQUEST_CHAT_POLL))
        .orElseThrow(() -> new ResourceNotFoundException("No chat service " + name));
  }

  private static String name(Map<String, String> p, String key) {
    String value = p.get(key);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_NAME_CHARS) {
      throw new InvalidRequestException(key + " is longer than " + MAX_NAME_CHARS + " characters");
    }
    return value.strip();
  }

  private static String required(Map<String, String> p, String key) {
    String value = name(p, key);
    if (value == null) {
      throw new InvalidRequestException(key + " is mandatory");
    }
    return value;
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static boolean same(String given, String expected) {
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
