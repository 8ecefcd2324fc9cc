package org.opengms.chat.v2;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerSession;
import org.opengms.api.error.AuthenticationRequiredException;
import org.opengms.api.error.GmsException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.chat.ChatSession;
import org.opengms.comet.ServiceChannel;
import org.opengms.config.ConfigurationProvider;
import org.opengms.security.ServiceCredentialsFilter;

/**
 * Chat API v2 over CometD: clients publish {@code {"operation": ..., "secureKey": ..., ...}} on
 * {@code /service/chatV2/<service>}; the answer (and every later event of the chat) is delivered to
 * the sessions bound to the chat, on that channel ({@link ChatV2Bindings}). Errors are delivered as
 * the v2 error body. Where service credentials are in force they come as {@code auth.encoded}
 * (base64 of {@code user:password}).
 */
@ApplicationScoped
public class ChatV2Channel implements ServiceChannel {

  static final String PREFIX = "/service/chatV2/";

  @Inject ChatV2Chats chats;
  @Inject ChatV2Bindings bindings;
  @Inject ConfigurationProvider configuration;

  @Override
  public String prefix() {
    return PREFIX;
  }

  @Override
  public void received(ServerSession from, String channel, Map<String, Object> data) {
    String service = channel.substring(PREFIX.length());
    String chatId = null;
    try {
      Map<String, String> p = params(data);
      String operation = p.remove("operation");
      if (operation == null) {
        throw new InvalidRequestException("operation is mandatory");
      }
      authenticate(service, data.get("auth"));
      switch (operation) {
        case "requestChat" -> {
          Map<String, Object> answer = chats.requestChat(service, p);
          chatId = (String) answer.get("chatId");
          bindings.bind(from, channel, chat(service, chatId, p, answer), 1);
        }
        case "requestNotifications" -> {
          chatId = chatOf(p);
          Integer position = ChatV2Params.position(p.remove("transcriptPosition"));
          p.keySet()
              .removeIf(k -> !k.equals("secureKey") && !k.equals("userId") && !k.equals("alias"));
          ChatSession chat = chats.authorized(service, chatId, p);
          bindings.bind(from, channel, chat, position == null ? 1 : position);
        }
        default -> {
          chatId = chatOf(p);
          String op = operation.equals("sendMessage") ? "send" : operation;
          Map<String, Object> answer = chats.operate(service, chatId, op, p);
          if (!bindings.isBound(from, chatId)) {
            // not bound yet (a reconnected client): bound from this answer's first event on
            @SuppressWarnings("unchecked")
            java.util.List<Map<String, Object>> events =
                (java.util.List<Map<String, Object>>) answer.get("messages");
            int first =
                events.isEmpty()
                    ? (Integer) answer.get("nextPosition")
                    : (Integer) events.get(0).get("index");
            bindings.bind(from, channel, chats.authorized(service, chatId, p), first);
          } else {
            answer.put("messages", java.util.List.of()); // its events went to the bound sessions
            from.deliver(null, channel, answer, Promise.noop());
          }
        }
      }
    } catch (GmsException e) {
      int status = e.status().getStatusCode();
      boolean ended = chatId != null && status != 404 && chats.isEnded(chatId);
      from.deliver(
          null,
          channel,
          ChatV2Answers.error(chatId, ended, status, e.getMessage()),
          Promise.noop());
    }
  }

  /** The chat an answer was about, as the one the client proves to be its customer. */
  private ChatSession chat(
      String service, String chatId, Map<String, String> p, Map<String, Object> answer) {
    return chats.authorized(service, chatId, Map.of("secureKey", (String) answer.get("secureKey")));
  }

  /** The chat id: given, or found by the secure key. */
  private String chatOf(Map<String, String> p) {
    String chatId = p.remove("chatId");
    String key = p.get("secureKey");
    if (chatId == null && key != null) {
      chatId = chats.chatIdOf(key).orElse(null);
    }
    if (chatId == null) {
      throw new InvalidRequestException(
          key == null ? "secureKey is mandatory" : "Unknown secureKey");
    }
    return chatId;
  }

  private void authenticate(String service, Object auth) {
    String header = null;
    if (auth instanceof Map<?, ?> map && map.get("encoded") instanceof String encoded) {
      header = "Basic " + encoded;
    }
    if (!ServiceCredentialsFilter.allowed(configuration.current(), service, header)) {
      throw new AuthenticationRequiredException("auth.encoded credentials required");
    }
  }

  /** The message's fields as form parameters; {@code userData} becomes {@code userData[key]}. */
  private static Map<String, String> params(Map<String, Object> data) {
    Map<String, String> p = new LinkedHashMap<>();
    data.forEach(
        (k, v) -> {
          if (k.equals("auth") || v == null) {
            return;
          }
          if (k.equals("userData") && v instanceof Map<?, ?> userData) {
            userData.forEach((uk, uv) -> p.put("userData[" + uk + "]", String.valueOf(uv)));
          } else if (v instanceof Number n && n.doubleValue() == n.longValue()) {
            p.put(k, Long.toString(n.longValue()));
          } else {
            p.put(k, String.valueOf(v));
          }
        });
    return p;
  }
}
