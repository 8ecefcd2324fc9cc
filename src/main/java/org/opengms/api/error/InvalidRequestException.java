package org.opengms.api.error;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;

/** The request is malformed or violates a rule of the API (400). */
@WireName("org.opengms.api.error.InvalidRequestException")
@ApplicationException(rollback = true)
public class InvalidRequestException extends GmsException {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(Response.Status.BAD_REQUEST, message);
  }
}
