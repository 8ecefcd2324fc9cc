package org.opengms.api.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is our fault: a 500 whose body names only an incident id; the stack trace goes to
 * the log under that id, never to the client.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    // A refusal raised while the container commits (an entity check at flush) arrives wrapped.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof GmsException refusal) {
        return ErrorResponses.of(
            refusal.status(), refusal.getMessage(), refusal.getClass(), refusal.extraFields());
      }
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
    return ErrorResponses.of(
        Response.Status.INTERNAL_SERVER_ERROR,
        "Internal server error (incident " + incident + ")",
        InternalErrorException.class);
  }
}
