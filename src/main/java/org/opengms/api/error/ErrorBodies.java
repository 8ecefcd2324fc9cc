package org.opengms.api.error;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.Map;

/**
 * The error bodies of answers the API's own code did not produce (unknown paths, refusals of the
 * JAX-RS runtime or the container): the GMS shape, or the Chat v2 shape under {@code /genesys/2/}.
 */
public final class ErrorBodies {

  /**
   * One JSON-P provider: {@code Json.create...} looks the provider up through the service loader on
   * every call (class path scans, measured at a tenth of a Chat API v2 message's CPU).
   */
  private static final JsonProvider JSON_P = JsonProvider.provider();

  private static final Map<Integer, Class<? extends GmsException>> TYPES =
      Map.of(
          400, InvalidRequestException.class,
          403, AccessDeniedException.class,
          404, ResourceNotFoundException.class,
          413, PayloadTooLargeException.class,
          415, UnsupportedMediaTypeException.class);

  private ErrorBodies() {}

  /** The exception type a client reads for {@code status}. */
  static Class<?> typeOf(int status) {
    return status >= 500
        ? InternalErrorException.class
        : TYPES.getOrDefault(status, GmsException.class);
  }

  /** A short, fixed message for {@code status}: no path or input is echoed. */
  static String messageOf(int status) {
    return switch (status) {
      case 401 -> "Authentication required";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 413 -> "Request too large";
      case 415 -> "Unsupported media type";
      default -> status >= 500 ? "Internal server error" : "Bad request";
    };
  }

  /** Whether {@code path} (below the context root, e.g. {@code /2/chat}) is Chat API v2's. */
  public static boolean isChatV2(String path) {
    return path != null && (path.equals("/2") || path.startsWith("/2/"));
  }

  /** {@code {"message": ..., "exception": ...}}. */
  public static JsonObject gms(int status) {
    return gms(status, messageOf(status));
  }

  /** {@code {"message": message, "exception": ...}}. */
  public static JsonObject gms(int status, String message) {
    return JSON_P
        .createObjectBuilder()
        .add("message", message)
        .add("exception", WireNames.of(typeOf(status)))
        .build();
  }

  /** Chat v2: {@code {"chatId":"","statusCode":2,"chatEnded":false,"errors":[{code, advice}]}}. */
  public static JsonObject chatV2(int status) {
    return chatV2(status, advice(status));
  }

  /** The Chat v2 error body with our own {@code advice}. */
  public static JsonObject chatV2(int status, String advice) {
    return JSON_P
        .createObjectBuilder()
        .add("chatId", "")
        .add("statusCode", 2)
        .add("chatEnded", false)
        .add(
            "errors",
            JSON_P
                .createArrayBuilder()
                .add(JSON_P.createObjectBuilder().add("code", status).add("advice", advice)))
        .build();
  }

  private static String advice(int status) {
    return status == 404
        ? "No such resource of Chat API v2: check the path (/genesys/2/chat/<service>/...)"
        : messageOf(status);
  }
}
