package org.opengms.api.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Refusals raised by the JAX-RS runtime itself (no such path, wrong method, wrong media type,
 * unparsable parameter), in the GMS error shape instead of the server's HTML page; an unknown path
 * of Chat API v2 ({@code /genesys/2/...}) and any refusal of a chat request ({@code
 * /genesys/2/chat/...}, {@code /genesys/2/chat-ntf}) in the Chat v2 error body.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      return new UnexpectedErrorMapper().toResponse(e);
    }
    Response mapped =
        uri != null
                && ErrorBodies.isChatV2(ChatV2Requests.applicationPath(uri))
                && (status == 404 || ChatV2Requests.isChat(uri))
            ? Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBodies.chatV2(status))
                .build()
            : ErrorResponses.of(
                original.getStatusInfo(),
                ErrorBodies.messageOf(status),
                ErrorBodies.typeOf(status));
    if (status == 405 && original.getHeaderString("Allow") != null) {
      return Response.fromResponse(mapped)
          .header("Allow", original.getHeaderString("Allow"))
          .build();
    }
    return mapped;
  }
}
