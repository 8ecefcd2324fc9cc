package org.opengms.chat.v2;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.ResourceNotFoundException;

/**
 * Which parameters each Chat API v2 operation takes (anything else is refused, 400), and the {@code
 * userData[<key>]} fields. Operation names are the REST ones ({@code send}, ...).
 */
final class ChatV2Params {

  static final String REQUEST_CHAT = "requestChat";

  /** What every operation after the first one may carry to prove who is asking. */
  private static final Set<String> CALLER = Set.of("secureKey", "userId", "alias");

  private static final Map<String, Set<String>> OPERATIONS =
      Map.of(
          REQUEST_CHAT,
          Set.of("nickname", "firstName", "lastName", "subject", "emailAddress"),
          "send",
          Set.of("message", "messageType", "transcriptPosition"),
          "startTyping",
          Set.of("message"),
          "stopTyping",
          Set.of("message"),
          "refresh",
          Set.of("transcriptPosition"),
          "disconnect",
          Set.of(),
          "pushUrl",
          Set.of("pushUrl"),
          "updateNickname",
          Set.of("nickname"),
          "customNotice",
          Set.of("message"),
          "updateData",
          Set.of());

  /** Operations whose parameters include {@code userData[...]}. */
  private static final Set<String> WITH_USER_DATA = Set.of(REQUEST_CHAT, "updateData");

  private static final int MAX_USER_DATA_KEY = 64;

  private ChatV2Params() {}

  /** 404 for an unknown operation, 400 for a parameter it does not take. */
  static void check(String operation, Map<String, String> params) {
    Set<String> allowed = OPERATIONS.get(operation);
    if (allowed == null) {
      throw new ResourceNotFoundException("Unknown chat operation " + operation);
    }
    for (String name : params.keySet()) {
      boolean known =
          allowed.contains(name)
              || (!operation.equals(REQUEST_CHAT) && CALLER.contains(name))
              || (WITH_USER_DATA.contains(operation) && userDataKey(name) != null);
      if (!known) {
        throw new InvalidRequestException("Unknown parameter " + name + " for " + operation);
      }
    }
  }

  /** The {@code userData[<key>]=<value>} fields, in order. */
  static Map<String, String> userData(Map<String, String> params) {
    Map<String, String> data = new LinkedHashMap<>();
    params.forEach(
        (name, value) -> {
          String key = userDataKey(name);
          if (key != null) {
            data.put(key, value);
          }
        });
    return data;
  }

  /** {@code userData[key]} → {@code key}; null for any other name. */
  static String userDataKey(String name) {
    if (!name.startsWith("userData[") || !name.endsWith("]")) {
      return null;
    }
    String key = name.substring("userData[".length(), name.length() - 1);
    if (key.isBlank() || key.length() > MAX_USER_DATA_KEY) {
      throw new InvalidRequestException("Bad user data key in " + name);
    }
    return key;
  }

  /** A v2 {@code transcriptPosition} (index from 1; 0 means from the start), or null if absent. */
  static Integer position(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int position = Integer.parseInt(value.strip());
      if (position >= 0) {
        return Math.max(1, position);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidRequestException("transcriptPosition must be a number from 0 on: " + value);
  }

  /** The engine's transcript position for v2 index {@code position} (event 1 is not stored). */
  static String enginePosition(Integer position) {
    return position == null ? null : Integer.toString(Math.max(1, position - 1));
  }
}
