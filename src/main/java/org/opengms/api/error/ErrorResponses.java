package org.opengms.api.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the JSON error responses all mappers share. */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static Response of(Response.StatusType status, String message, Class<?> exceptionType) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody(message, exceptionType.getName()))
        .build();
  }
}
