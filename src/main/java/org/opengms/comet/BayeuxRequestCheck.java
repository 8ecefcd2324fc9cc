package org.opengms.comet;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the shape of a long-polling request body before CometD parses it, so malformed Bayeux is
 * refused with a Bayeux error instead of failing inside CometD: JSON, at most {@link #MAX_DEPTH}
 * levels deep, one message object or an array of them, each with a string {@code channel} starting
 * with {@code /}, a string or number {@code id}, a string {@code clientId} and {@code
 * connectionType}, objects for {@code advice} and {@code ext} (advice {@code timeout} and {@code
 * interval} numbers), a string or strings for {@code subscription} and {@code
 * supportedConnectionTypes}.
 */
final class BayeuxRequestCheck {

  /**
   * One JSON-P provider: {@code Json.create...} looks the provider up through the service loader on
   * every call (class path scans, measured at a tenth of a Chat API v2 message's CPU).
   */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  static final int MAX_DEPTH = 32;

  private BayeuxRequestCheck() {}

  /**
   * The Bayeux error reply for a refused request: {@code "<status>::<reason>"}, with the advice not
   * to send the same again.
   */
  static String errorReply(int status, String reason) {
    String error = (status + "::" + reason).replace("\\", "\\\\").replace("\"", "\\\"");
    return "[{\"successful\":false,\"error\":\""
        + error
        + "\",\"advice\":{\"reconnect\":\"none\"}}]";
  }

  /** Why {@code body} is refused, or null when CometD may have it. */
  static String refusal(byte[] body) {
    try {
      if (tooDeep(body)) {
        return "the message is nested more than " + MAX_DEPTH + " levels deep";
      }
      JsonValue value;
      try (JsonReader reader = JSON_P.createReader(new ByteArrayInputStream(body))) {
        value = reader.readValue();
      }
      List<JsonValue> messages =
          value instanceof JsonArray array ? new ArrayList<>(array) : List.of(value);
      if (messages.isEmpty()) {
        return "no message";
      }
      for (JsonValue message : messages) {
        String refusal = refusal(message);
        if (refusal != null) {
          return refusal;
        }
      }
      return null;
    } catch (JsonParsingException e) {
      return "the body is not valid JSON";
    } catch (JsonException | IllegalStateException e) {
      return "the body is not a Bayeux message";
    }
  }

  private static boolean tooDeep(byte[] body) {
    int depth = 0;
    try (JsonParser parser = JSON_P.createParser(new ByteArrayInputStream(body))) {
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_ARRAY, START_OBJECT -> {
            if (++depth > MAX_DEPTH) {
              return true;
            }
          }
          case END_ARRAY, END_OBJECT -> depth--;
          default -> {}
        }
      }
    }
    return false;
  }

  private static String refusal(JsonValue value) {
    if (!(value instanceof JsonObject message)) {
      return "a message is not a JSON object";
    }
    if (!(message.get("channel") instanceof JsonString channel)
        || !channel.getString().startsWith("/")) {
      return "a message has no channel (a string such as /meta/connect)";
    }
    JsonValue id = message.get("id");
    if (id != null
        && id.getValueType() != JsonValue.ValueType.STRING
        && id.getValueType() != JsonValue.ValueType.NUMBER) {
      return "the id of a message is not a string";
    }
    for (String field : new String[] {"clientId", "connectionType"}) {
      if (message.containsKey(field) && !(message.get(field) instanceof JsonString)) {
        return "the " + field + " of a message is not a string";
      }
    }
    for (String field : new String[] {"advice", "ext"}) {
      if (message.containsKey(field) && !(message.get(field) instanceof JsonObject)) {
        return "the " + field + " of a message is not an object";
      }
    }
    if (message.get("advice") instanceof JsonObject advice) {
      for (String field : new String[] {"timeout", "interval"}) {
        if (advice.containsKey(field)
            && advice.get(field).getValueType() != JsonValue.ValueType.NUMBER) {
          return "advice." + field + " is not a number";
        }
      }
    }
    for (String field : new String[] {"subscription", "supportedConnectionTypes"}) {
      if (message.containsKey(field) && !stringOrStrings(message.get(field))) {
        return "the " + field + " of a message is not a string or a list of strings";
      }
    }
    return null;
  }

  private static boolean stringOrStrings(JsonValue value) {
    return value instanceof JsonString
        || (value instanceof JsonArray array
            && array.stream().allMatch(JsonString.class::isInstance));
  }
}
