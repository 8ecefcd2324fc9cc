package org.opengms.api.error;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;

/** Missing or wrong credentials (401); answered with a {@code WWW-Authenticate} challenge. */
@WireName("org.opengms.api.error.AuthenticationRequiredException")
@ApplicationException(rollback = true)
public class AuthenticationRequiredException extends GmsException {

  private static final long serialVersionUID = 1L;

  public AuthenticationRequiredException(String message) {
    super(Response.Status.UNAUTHORIZED, message);
  }
}
