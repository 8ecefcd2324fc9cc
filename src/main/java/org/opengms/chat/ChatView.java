package org.opengms.chat;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of chats: the customer's (as the GMS reference) and the agent's (ours). */
public final class ChatView {

  private static final DateTimeFormatter STARTED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private ChatView() {}

  /**
   * What the customer sees after one request.
   *
   * @param ixnState {@code CONNECTED} (start) or {@code TRANSCRIPT}; a finished chat shows {@code
   *     DISCONNECTED} whatever this says
   * @param position the transcriptPosition to report (the next event to read)
   * @param shown the events to show, or null to leave {@code transcriptToShow} out
   */
  public record Snapshot(
      ChatSession chat, String ixnState, int position, List<TranscriptEvent> shown) {}

  /**
   * The customer's answer: the reference's fields, string-typed numbers; {@code verbose} adds the
   * connection details and the {@code _chatIxnAPI_*} URLs (paths under {@code apiBase}, e.g. {@code
   * http://host:8080/genesys/1/}).
   */
  public static Map<String, Object> customer(Snapshot s, boolean verbose, URI apiBase) {
    ChatSession chat = s.chat();
    boolean finished = chat.getState() == ChatState.FINISHED;
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("chatIxnState", finished ? "DISCONNECTED" : s.ixnState());
    json.put("chatSessionId", chat.getId());
    json.put("transcriptPosition", Integer.toString(s.position()));
    json.put("chatServiceMessage", serviceMessage(chat));
    if (s.shown() != null) {
      json.put("transcriptToShow", s.shown().stream().map(TranscriptEvent::toArray).toList());
    }
    if (!"CONNECTED".equals(s.ixnState())) {
      json.put("startedAt", startedAt(chat));
    }
    if (chat.isComet()) {
      json.put("comet_channel", "/_genesys");
    }
    if (verbose) {
      String chatUrl = apiBase.getPath() + "service/" + chat.getServiceId() + "/ixn/chat";
      int port =
          apiBase.getPort() > 0
              ? apiBase.getPort()
              : "https".equals(apiBase.getScheme()) ? 443 : 80;
      json.put("userId", chat.getUserId());
      json.put("secureKey", chat.getSecureKey());
      json.put("checkChatServiceLoadBalancerPath", "");
      json.put("chatServerLoadBalancerAlias", "");
      json.put("chatServerHost", apiBase.getHost());
      json.put("chatWebApiPort", Integer.toString(port));
      json.put("isTLSrequired", Boolean.toString("https".equals(apiBase.getScheme())));
      json.put(
          "clientTimeZoneOffset",
          chat.getClientTimeZoneOffset() == null ? "0" : chat.getClientTimeZoneOffset());
      json.put("_chatIxnAPI_SEND_URL", chatUrl + "/send");
      json.put("_chatIxnAPI_SEND_CUSTOM_URL", chatUrl + "/customNotice");
      json.put("_chatIxnAPI_REFRESH_URL", chatUrl + "/refresh");
      json.put("_chatIxnAPI_START_TYPING_URL", chatUrl + "/startTyping");
      json.put("_chatIxnAPI_STOP_TYPING_URL", chatUrl + "/stopTyping");
      json.put("_chatIxnAPI_DISCONNECT_URL", chatUrl + "/disconnect");
      json.put("_chatIxnAPI_REFRESH_FROM_START_URL", chatUrl + "/refresh?transcriptPosition=1");
    }
    return json;
  }

  /** The comet message for one event at {@code position}, as the reference's CometD examples. */
  static Map<String, Object> pushed(ChatSession chat, int position, TranscriptEvent event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("chatSessionId", chat.getId());
    json.put("transcriptPosition", Integer.toString(position + 1));
    json.put("chatServiceMessage", serviceMessage(chat));
    json.put("startedAt", startedAt(chat));
    json.put("chatIxnState", chat.getState() == ChatState.FINISHED ? "DISCONNECTED" : "TRANSCRIPT");
    json.put("transcriptToShow", List.of(event.toArray()));
    return json;
  }

  /** An agent's view of one of their chats; {@code transcript} null leaves the events out. */
  public static Map<String, Object> agent(
      ChatSession chat, int size, List<TranscriptEvent> transcript) {
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("nickname", chat.getNickname());
    customer.put("firstName", chat.getFirstName());
    customer.put("lastName", chat.getLastName());
    customer.put("email", chat.getEmail());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("chatSessionId", chat.getId());
    json.put("serviceId", chat.getServiceId());
    json.put("state", chat.getState().name());
    json.put("subject", chat.getSubject());
    json.put("customer", customer);
    json.put("startedAt", startedAt(chat));
    json.put("transcriptPosition", Integer.toString(size + 1));
    json.put("userData", chat.getUserData());
    if (transcript != null) {
      json.put("transcript", transcript.stream().map(TranscriptEvent::toAgentArray).toList());
    }
    return json;
  }

  static long secondsFromStart(ChatSession chat, Instant now) {
    return Math.max(0, ChronoUnit.SECONDS.between(chat.getStartedAt(), now));
  }

  private static String serviceMessage(ChatSession chat) {
    return chat.getState() == ChatState.FINISHED
        ? "Chat was finished"
        : "Chat service is available";
  }

  private static String startedAt(ChatSession chat) {
    return STARTED_AT.format(chat.getStartedAt());
  }
}
