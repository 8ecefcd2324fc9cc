package org.opengms.api.error;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A request we refuse, carrying the HTTP status the client gets. Thrown from session beans it rolls
 * their transaction back and reaches the client unwrapped, as {@code {"message": ..., "exception":
 * <this class's name>}}.
 */
@WireName("org.opengms.api.error.GmsException")
@ApplicationException(rollback = true)
public class GmsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Response.StatusType status;

  public GmsException(Response.StatusType status, String message) {
    super(message);
    this.status = status;
  }

  public Response.StatusType status() {
    return status;
  }

  /**
   * Fields the error body carries besides {@code message} and {@code exception}, where the
   * reference shows some (callback {@code availability}); none by default.
   */
  public Map<String, Object> extraFields() {
    return Map.of();
  }
}
