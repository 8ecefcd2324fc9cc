package org.opengms.api.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Our own refusals: their status and message, as the GMS error shape. A 401 carries a Basic
 * challenge, except for scripts that say so with {@code X-Requested-With: XMLHttpRequest}: a
 * challenge would make the browser ask for a login in its own dialog, over the page's form. A
 * refusal of a Chat API v2 request that reaches this mapper (thrown before the chat code, e.g. by
 * the credentials filter) is answered in the v2 error body.
 */
@Provider
public class GmsExceptionMapper implements ExceptionMapper<GmsException> {

  @Context HttpHeaders headers;
  @Context UriInfo uri;

  @Override
  public Response toResponse(GmsException e) {
    Response response =
        ChatV2Requests.isChatRequest(uri)
            ? Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBodies.chatV2(e.status().getStatusCode(), e.getMessage()))
                .build()
            : ErrorResponses.of(e.status(), e.getMessage(), e.getClass(), e.extraFields());
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
