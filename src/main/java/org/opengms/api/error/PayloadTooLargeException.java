package org.opengms.api.error;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;

/** The request exceeds a configured size limit; nothing was stored (413). */
@WireName("org.opengms.api.error.PayloadTooLargeException")
@ApplicationException(rollback = true)
public class PayloadTooLargeException extends GmsException {

  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(String message) {
    super(Response.Status.REQUEST_ENTITY_TOO_LARGE, message);
  }
}
