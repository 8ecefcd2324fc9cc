package org.opengms.api.error;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;

/** The request is understood but not allowed (403). */
@WireName("org.opengms.api.error.AccessDeniedException")
@ApplicationException(rollback = true)
public class AccessDeniedException extends GmsException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super(Response.Status.FORBIDDEN, message);
  }
}
