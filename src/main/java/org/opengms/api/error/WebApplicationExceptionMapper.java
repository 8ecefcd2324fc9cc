package org.opengms.api.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Refusals raised by the JAX-RS runtime itself (no such path, wrong method, wrong media type,
 * unparsable parameter), in the GMS error shape instead of the server's HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final Map<Integer, Class<? extends GmsException>> TYPES =
      Map.of(
          400, InvalidRequestException.class,
          403, AccessDeniedException.class,
          404, ResourceNotFoundException.class,
          413, PayloadTooLargeException.class,
          415, UnsupportedMediaTypeException.class);

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      return new UnexpectedErrorMapper().toResponse(e);
    }
    String message =
        switch (status) {
          case 404 -> "Not found";
          case 405 -> "Method not allowed";
          case 406 -> "Not acceptable";
          case 415 -> "Unsupported media type";
          default -> "Bad request";
        };
    Response mapped =
        ErrorResponses.of(
            original.getStatusInfo(), message, TYPES.getOrDefault(status, GmsException.class));
    if (status == 405 && original.getHeaderString("Allow") != null) {
      return Response.fromResponse(mapped)
          .header("Allow", original.getHeaderString("Allow"))
          .build();
    }
    return mapped;
  }
}
