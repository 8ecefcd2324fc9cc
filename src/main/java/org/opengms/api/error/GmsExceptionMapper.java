package org.opengms.api.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Our own refusals: their status and message, as the GMS error shape. */
@Provider
public class GmsExceptionMapper implements ExceptionMapper<GmsException> {

  @Override
  public Response toResponse(GmsException e) {
    Response response =
        ErrorResponses.of(e.status(), e.getMessage(), e.getClass(), e.extraFields());
    if (e instanceof AuthenticationRequiredException) {
      return Response.fromResponse(response)
          .header("WWW-Authenticate", "Basic realm=\"GMS\", charset=\"UTF-8\"")
          .build();
    }
    return response;
  }
}
