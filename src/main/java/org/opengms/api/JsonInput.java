package org.opengms.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.PayloadTooLargeException;

/**
 * The one reader of JSON request bodies: at most {@value #MAX_CHARS} characters and {@value
 * #MAX_DEPTH} levels of nesting (checked by a streaming scan before anything is built, so deep
 * input can neither exhaust the stack nor the heap), then JSON-B. Every failure is a 400 (413 for
 * size) in our own words: never a parser's message, which names Java types.
 */
public final class JsonInput {

  /**
   * One JSON-P provider: {@code Json.create...} looks the provider up through the service loader on
   * every call (class path scans, measured at a tenth of a Chat API v2 message's CPU).
   */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  public static final int MAX_DEPTH = 32;
  public static final int MAX_CHARS = 1_048_576;

  private static final Jsonb JSONB = JsonbBuilder.create();

  private JsonInput() {}

  /**
   * {@code body} as {@code type}; {@code what} names the expected JSON in errors ("a JSON object").
   */
  public static <T> T parse(String body, Type type, String what) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequestException("The body must be " + what);
    }
    check(body);
    if (type instanceof Class<?> target && isRequestClass(target)) {
      JsonValue value;
      try (JsonReader reader = JSON_P.createReader(new StringReader(body))) {
        value = reader.readValue();
      }
      requireShape(value, target, "");
    }
    try {
      T parsed = JSONB.fromJson(body, type);
      if (parsed == null) {
        throw new InvalidRequestException("The body must be " + what);
      }
      return parsed;
    } catch (JsonbException | ClassCastException | IllegalArgumentException e) {
      throw new InvalidRequestException("The body must be " + what);
    }
  }

  private static boolean isRequestClass(Class<?> type) {
    return type.getPackageName().startsWith("org.opengms.");
  }

  /**
   * JSON-B converts too kindly (an array into a string, 1e308 into an int): the public fields of
   * our request classes must get a JSON string, a whole number in range, or an object as declared.
   */
  private static void requireShape(JsonValue value, Class<?> type, String prefix) {
    if (!(value instanceof JsonObject object)) {
      throw new InvalidRequestException(
          prefix.isEmpty() ? "The body must be a JSON object" : prefix + " must be a JSON object");
    }
    for (Field field : type.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) || !object.containsKey(field.getName())) {
        continue;
      }
      JsonValue given = object.get(field.getName());
      String name = prefix + field.getName();
      if (given.getValueType() == JsonValue.ValueType.NULL) {
        continue;
      }
      Class<?> declared = field.getType();
      if (declared == String.class && !(given instanceof JsonString)) {
        throw new InvalidRequestException(name + " must be a string");
      }
      if ((declared == Integer.class || declared == int.class) && !isInt(given)) {
        throw new InvalidRequestException(
            name
                + " must be a whole number between "
                + Integer.MIN_VALUE
                + " and "
                + Integer.MAX_VALUE);
      }
      if (isRequestClass(declared) && !declared.isEnum()) {
        requireShape(given, declared, name + ".");
      }
    }
  }

  private static boolean isInt(JsonValue value) {
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      return false;
    }
    BigDecimal n = number.bigDecimalValue();
    return n.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
        && n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
  }

  /** Refuses JSON text that is too long, too deep or not JSON at all. */
  public static void check(String body) {
    if (body.length() > MAX_CHARS) {
      throw new PayloadTooLargeException(
          "The JSON body is longer than " + MAX_CHARS + " characters");
    }
    int depth = 0;
    try (JsonParser parser = JSON_P.createParser(new StringReader(body))) {
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_ARRAY, START_OBJECT -> {
            if (++depth > MAX_DEPTH) {
              throw new InvalidRequestException(
                  "The JSON body is nested more than " + MAX_DEPTH + " levels deep");
            }
          }
          case END_ARRAY, END_OBJECT -> depth--;
          default -> {}
        }
      }
    } catch (JsonParsingException e) {
      throw new InvalidRequestException("Malformed JSON at character " + offset(e));
    } catch (jakarta.json.JsonException e) {
      throw new InvalidRequestException("Malformed JSON");
    }
  }

  private static long offset(JsonParsingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getStreamOffset();
  }
}
