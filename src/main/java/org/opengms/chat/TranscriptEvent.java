package org.opengms.chat;

import java.util.List;

/**
 * One transcript event as the Chat API shows it: {@code [type, nickname, text, secondsFromStart,
 * userType]}, every element a string.
 */
public record TranscriptEvent(
    String type, String nickname, String text, long secondsFromStart, String userType) {

  public static final String MESSAGE = "Message.Text";
  public static final String JOINED = "Notice.Joined";
  public static final String LEFT = "Notice.Left";
  public static final String TYPING_STARTED = "Notice.TypingStarted";
  public static final String TYPING_STOPPED = "Notice.TypingStopped";
  public static final String PUSH_URL = "Notice.PushUrl";
  public static final String CUSTOM = "Notice.Custom";

  /** The customer changed nickname (Chat API v2); the text is the new nickname. */
  public static final String NICKNAME_UPDATED = "Notice.NicknameUpdated";

  public static final String AGENT = "AGENT";
  public static final String CLIENT = "CLIENT";

  public List<String> toArray() {
    return List.of(type, nickname, text, Long.toString(secondsFromStart), userType);
  }
}
