package org.opengms.api.error;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;

/** Too many failed attempts (429); answered with {@code Retry-After} in seconds. */
@WireName("org.opengms.api.error.TooManyRequestsException")
@ApplicationException(rollback = true)
public class TooManyRequestsException extends GmsException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public TooManyRequestsException(String message, long retryAfterSeconds) {
    super(Response.Status.TOO_MANY_REQUESTS, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
