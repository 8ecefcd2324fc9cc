package org.opengms.api.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Our own refusals: their status and message, as the GMS error shape. A 401 carries a Basic
 * challenge, except for scripts that say so with {@code X-Requested-With: XMLHttpRequest}: a
 * challenge would make the browser ask for a login in its own dialog, over the page's form.
 */
@Provider
public class GmsExceptionMapper implements ExceptionMapper<GmsException> {

  @Context HttpHeaders headers;

  @Override
  public Response toResponse(GmsException e) {
    Response response =
        ErrorResponses.of(e.status(), e.getMessage(), e.getClass(), e.extraFields());
    if (e instanceof AuthenticationRequiredException && !fromScript()) {
      return Response.fromResponse(response)
          .header("WWW-Authenticate", "Basic realm=\"GMS\", charset=\"UTF-8\"")
          .build();
    }
    if (e instanceof TooManyRequestsException limited) {
      return Response.fromResponse(response)
          .header("Retry-After", limited.retryAfterSeconds())
          .build();
    }
    return response;
  }

  private boolean fromScript() {
    return headers != null
        && "XMLHttpRequest".equalsIgnoreCase(headers.getHeaderString("X-Requested-With"));
  }
}
