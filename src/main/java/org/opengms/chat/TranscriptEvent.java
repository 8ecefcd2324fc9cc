package org.opengms.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One transcript event as the Chat API shows it: {@code [type, nickname, text, secondsFromStart,
 * userType]}, every element a string. {@code userData} carries an event's details (a file's id,
 * name, size...); agents see it as a sixth element, v1 customers do not.
 */
public record TranscriptEvent(
    String type,
    String nickname,
    String text,
    long secondsFromStart,
    String userType,
    Map<String, String> userData) {

  public static final String MESSAGE = "Message.Text";
  public static final String JOINED = "Notice.Joined";
  public static final String LEFT = "Notice.Left";
  public static final String TYPING_STARTED = "Notice.TypingStarted";
  public static final String TYPING_STOPPED = "Notice.TypingStopped";
  public static final String PUSH_URL = "Notice.PushUrl";
  public static final String CUSTOM = "Notice.Custom";
  public static final String FILE_UPLOADED = "Notice.FileUploaded";
  public static final String FILE_DELETED = "Notice.FileDeleted";

  /** The customer changed nickname (Chat API v2); the text is the new nickname. */
  public static final String NICKNAME_UPDATED = "Notice.NicknameUpdated";

  public static final String AGENT = "AGENT";
  public static final String CLIENT = "CLIENT";

  public TranscriptEvent {
    userData =
        userData == null || userData.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(userData));
  }

  public TranscriptEvent(
      String type, String nickname, String text, long secondsFromStart, String userType) {
    this(type, nickname, text, secondsFromStart, userType, Map.of());
  }

  public List<String> toArray() {
    return List.of(type, nickname, text, Long.toString(secondsFromStart), userType);
  }

  /** The agent's form: {@link #toArray()}, then {@code userData} when the event has any. */
  public List<Object> toAgentArray() {
    List<Object> array = new ArrayList<>(toArray());
    if (!userData.isEmpty()) {
      array.add(userData);
    }
    return array;
  }
}
