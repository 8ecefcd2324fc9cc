package org.opengms.api.error;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;

/** The addressed resource does not exist, or no longer does (404). */
@WireName("org.opengms.api.error.ResourceNotFoundException")
@ApplicationException(rollback = true)
public class ResourceNotFoundException extends GmsException {

  private static final long serialVersionUID = 1L;

  public ResourceNotFoundException(String message) {
    super(Response.Status.NOT_FOUND, message);
  }
}
