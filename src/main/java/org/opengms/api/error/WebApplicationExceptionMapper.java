package org.opengms.api.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

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
        uri != null && ErrorBodies.isChatV2(applicationPath()) && (status == 404 || isChat())
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

  /**
   * Whether the request is Chat API v2's ({@code /2/chat/...}, {@code /2/chat-ntf}), whose clients
   * read every error in the v2 body: e.g. Jersey (Payara) refuses an empty form itself with 400.
   */
  private boolean isChat() {
    List<PathSegment> segments = uri.getPathSegments();
    String first = segments.isEmpty() ? "" : segments.get(0).getPath();
    return first.equals("chat") || first.equals("chat-ntf");
  }

  /** The JAX-RS application's path below the context root: {@code /1} or {@code /2}. */
  private String applicationPath() {
    String base = uri.getBaseUri().getPath();
    int slash = base.indexOf('/', 1);
    String path = slash < 0 ? "" : base.substring(slash);
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
