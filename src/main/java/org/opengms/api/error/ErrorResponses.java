package org.opengms.api.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the JSON error responses all mappers share. */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static Response of(Response.StatusType status, String message, Class<?> exceptionType) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody(message, WireNames.of(exceptionType)))
        .build();
  }

  /** The error shape plus {@code extra} fields after {@code message} and {@code exception}. */
  public static Response of(
      Response.StatusType status, String message, Class<?> exceptionType, Map<String, ?> extra) {
    if (extra.isEmpty()) {
      return of(status, message, exceptionType);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("exception", WireNames.of(exceptionType));
    extra.forEach(body::putIfAbsent);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
