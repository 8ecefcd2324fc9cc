package org.opengms.chat.v2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengms.chat.ChatSession;
import org.opengms.chat.ChatState;
import org.opengms.chat.ChatView;
import org.opengms.chat.TranscriptEvent;

/** The JSON shapes of Chat API v2: the answer object, its events, the error body. */
public final class ChatV2Answers {

  /** Agents all show as participant 2 (the engine keeps their nickname, not an id). */
  private static final int CLIENT_ID = 1;

  private static final int AGENT_ID = 2;

  private ChatV2Answers() {}

  /** The answer: {@code messages} are v2 events, {@code nextPosition} the index after them. */
  public static Map<String, Object> answer(
      ChatSession chat, String alias, int nextPosition, List<Map<String, Object>> messages) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("chatId", chat.getId());
    json.put("statusCode", 0);
    json.put("chatEnded", chat.getState() == ChatState.FINISHED);
    json.put("alias", alias);
    json.put("userId", chat.getUserId());
    json.put("secureKey", chat.getSecureKey());
    json.put("nextPosition", nextPosition);
    json.put("messages", messages);
    return json;
  }

  /**
   * The v2 events of a v1 snapshot (its shown events end at the transcript's end), preceded by the
   * customer's {@code ParticipantJoined} when {@code withJoined}.
   */
  static List<Map<String, Object>> events(ChatView.Snapshot s, boolean withJoined) {
    List<Map<String, Object>> events = new ArrayList<>();
    if (withJoined) {
      events.add(joined(s.chat()));
    }
    List<TranscriptEvent> shown = s.shown() == null ? List.of() : s.shown();
    int first = s.position() - shown.size(); // v1 position of shown[0]
    for (int i = 0; i < shown.size(); i++) {
      events.add(event(s.chat(), shown.get(i), first + i + 1));
    }
    return events;
  }

  /** v2 index of the next event after snapshot {@code s}. */
  static int nextPosition(ChatView.Snapshot s) {
    return s.position() + 1;
  }

  /** Event 1: the customer joined when the chat started. */
  static Map<String, Object> joined(ChatSession chat) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", from(chat.getNickname(), CLIENT_ID, "Client"));
    json.put("index", 1);
    json.put("type", "ParticipantJoined");
    json.put("utcTime", chat.getStartedAt().toEpochMilli());
    return json;
  }

  /** One engine event as v2 event {@code index}. */
  static Map<String, Object> event(ChatSession chat, TranscriptEvent e, int index) {
    boolean agent = TranscriptEvent.AGENT.equals(e.userType());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", from(e.nickname(), agent ? AGENT_ID : CLIENT_ID, agent ? "Agent" : "Client"));
    json.put("index", index);
    String type = type(e.type());
    json.put("type", type);
    json.put("utcTime", chat.getStartedAt().toEpochMilli() + e.secondsFromStart() * 1000);
    if (type.equals("Message") || type.equals("CustomNotice") || type.equals("PushUrl")) {
      json.put("text", e.text());
    }
    if (!e.userData().isEmpty()) {
      json.put("userData", e.userData()); // file events: file-id, file-name, ...
    }
    return json;
  }

  static String type(String engineType) {
    return switch (engineType) {
      case TranscriptEvent.JOINED -> "ParticipantJoined";
      case TranscriptEvent.LEFT -> "ParticipantLeft";
      case TranscriptEvent.MESSAGE -> "Message";
      case TranscriptEvent.TYPING_STARTED -> "TypingStarted";
      case TranscriptEvent.TYPING_STOPPED -> "TypingStopped";
      case TranscriptEvent.PUSH_URL -> "PushUrl";
      case TranscriptEvent.CUSTOM -> "CustomNotice";
      case TranscriptEvent.NICKNAME_UPDATED -> "NicknameUpdated";
      case TranscriptEvent.FILE_UPLOADED -> "FileUploaded";
      case TranscriptEvent.FILE_DELETED -> "FileDeleted";
      default -> "Notice";
    };
  }

  /** The v2 error body; {@code code} is the HTTP status. */
  public static Map<String, Object> error(
      String chatId, boolean chatEnded, int code, String advice) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("chatId", chatId == null ? "" : chatId);
    json.put("statusCode", 2);
    json.put("chatEnded", chatEnded);
    json.put("errors", List.of(Map.of("code", code, "advice", advice == null ? "" : advice)));
    return json;
  }

  private static Map<String, Object> from(String nickname, int id, String type) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("nickname", nickname);
    json.put("participantId", id);
    json.put("type", type);
    return json;
  }
}
