package org.opengms.chat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opengms.api.error.AccessDeniedException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.PayloadTooLargeException;
import org.opengms.api.error.ResourceNotFoundException;
import org.opengms.config.GmsConfiguration;
import org.opengms.notification.PushSettings;
import org.opengms.security.User;
import org.opengms.service.BuiltinService;
import org.opengms.service.ServiceCatalog;
import org.opengms.service.ServiceDefinition;
import org.opengms.service.ServiceSession;

/**
 * Checks of chat requests and their parameters, before anything changes: each refusal is a clear
 * 4xx ({@link InvalidRequestException} 400, 403, 404, 413). Pure functions of their arguments.
 */
final class ChatRequests {

  static final String DEFAULT_QUEUE = "default";
  private static final int MAX_FIELD_CHARS = 255;
  private static final int MAX_SUBJECT_CHARS = 1024;

  private ChatRequests() {}

  /** The service's definition, which must offer chat; 404 when no longer configured, else 400. */
  static ServiceDefinition chatService(GmsConfiguration config, String name) {
    ServiceDefinition definition =
        config
            .get(ServiceCatalog.class)
            .find(name)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException("Service " + name + " is no longer configured"));
    if (!definition.isBuiltin(BuiltinService.REQUEST_CHAT)
        && !definition.isBuiltin(BuiltinService.REQUEST_CHAT_POLL)) {
      throw new InvalidRequestException("Service " + definition.name() + " does not offer chat");
    }
    return definition;
  }

  /** The customer of a new chat from the {@code ixn/chat} parameters. */
  static ChatCustomer customer(
      Map<String, String> p,
      ServiceDefinition definition,
      ServiceSession service,
      String requestGmsUser,
      PushSettings push) {
    String subject = p.get("subject");
    if (subject == null || subject.isBlank()) {
      throw new InvalidRequestException("subject is mandatory");
    }
    String notifyBy = blankToNull(p.get("notify_by"));
    if (notifyBy != null && !notifyBy.equals("comet")) {
      throw new InvalidRequestException("notify_by must be comet, not " + notifyBy);
    }
    String gmsUser = service.getGmsUser() != null ? service.getGmsUser() : requestGmsUser;
    if (notifyBy != null && (gmsUser == null || gmsUser.isBlank())) {
      throw new InvalidRequestException("notify_by=comet needs the gms_user header");
    }
    String firstName = field(p, "firstName", MAX_FIELD_CHARS);
    String lastName = field(p, "lastName", MAX_FIELD_CHARS);
    String nickname = field(p, "userDisplayName", MAX_FIELD_CHARS);
    if (nickname == null) {
      String name =
          ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
      nickname = name.isBlank() ? "Customer" : name.strip();
    }
    return new ChatCustomer(
        limited(subject, "subject", MAX_SUBJECT_CHARS),
        nickname,
        firstName,
        lastName,
        field(p, "email", MAX_FIELD_CHARS),
        field(p, "clientTimeZoneOffset", 16),
        gmsUser,
        notifyBy,
        field(p, "subscriptionID", MAX_FIELD_CHARS),
        definition.option("_queue").orElse(DEFAULT_QUEUE),
        ChatDevice.of(p, push));
  }

  /** A mandatory, non-empty {@code message}. */
  static String message(Map<String, String> p) {
    String message = p.get("message");
    if (message == null || message.isEmpty()) {
      throw new InvalidRequestException("message is mandatory");
    }
    return message;
  }

  /** {@code text} within {@code maxBytes} of UTF-8 ({@code [chat] max_message_bytes}), else 413. */
  static String checked(String text, int maxBytes) {
    if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw new PayloadTooLargeException("Message exceeds the limit of " + maxBytes + " bytes");
    }
    return text;
  }

  /** An absolute http(s) URL of at most 2048 characters ({@code pushUrl}). */
  static String url(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidRequestException("url is mandatory");
    }
    try {
      URI uri = new URI(url);
      if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && url.length() <= 2048) {
        return url;
      }
    } catch (java.net.URISyntaxException e) {
      // refused below
    }
    throw new InvalidRequestException("url must be an http(s) URL");
  }

  /** A {@code transcriptPosition}: null when absent, else a number from 1 on. */
  static Integer position(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int position = Integer.parseInt(value.strip());
      if (position >= 1) {
        return position;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidRequestException("transcriptPosition must be a number from 1 on: " + value);
  }

  static void requireOpen(LiveChat chat) {
    if (chat.session.getState() == ChatState.FINISHED) {
      throw new InvalidRequestException("Chat " + chat.id() + " is finished");
    }
  }

  /** The chat is open and {@code user}'s: 400 finished, 403 another agent's. */
  static void requireAssigned(LiveChat chat, User user) {
    requireOpen(chat);
    requireAgent(chat, user);
  }

  static void requireAgent(LiveChat chat, User user) {
    if (!user.login().equals(chat.session.getAgentLogin())) {
      throw new AccessDeniedException("Chat " + chat.id() + " is not assigned to " + user.login());
    }
  }

  private static String field(Map<String, String> p, String name, int max) {
    String value = blankToNull(p.get(name));
    return value == null ? null : limited(value, name, max);
  }

  private static String limited(String value, String name, int max) {
    if (value.length() > max) {
      throw new InvalidRequestException(name + " is longer than " + max + " characters");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
