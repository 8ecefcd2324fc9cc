package org.opengms.api.error;

import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Whether a request is one of Chat API v2's ({@code /genesys/2/chat/...}, {@code
 * /genesys/2/chat-ntf}), whose clients read every error in the v2 body: refusals raised before our
 * chat code runs (the JAX-RS runtime, the credentials filter, the login limits) are answered so
 * too.
 */
final class ChatV2Requests {

  private ChatV2Requests() {}

  /** True for {@code /2/chat/...} and {@code /2/chat-ntf}. */
  static boolean isChatRequest(UriInfo uri) {
    return uri != null && ErrorBodies.isChatV2(applicationPath(uri)) && isChat(uri);
  }

  static boolean isChat(UriInfo uri) {
    List<PathSegment> segments = uri.getPathSegments();
    String first = segments.isEmpty() ? "" : segments.get(0).getPath();
    return first.equals("chat") || first.equals("chat-ntf");
  }

  /** The JAX-RS application's path below the context root: {@code /1} or {@code /2}. */
  static String applicationPath(UriInfo uri) {
    String base = uri.getBaseUri().getPath();
    int slash = base.indexOf('/', 1);
    String path = slash < 0 ? "" : base.substring(slash);
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
