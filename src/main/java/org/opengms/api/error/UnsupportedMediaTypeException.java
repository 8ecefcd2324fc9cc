package org.opengms.api.error;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;

/** The request body's media type is not one this endpoint reads (415). */
@WireName("org.opengms.api.error.UnsupportedMediaTypeException")
@ApplicationException(rollback = true)
public class UnsupportedMediaTypeException extends GmsException {

  private static final long serialVersionUID = 1L;

  public UnsupportedMediaTypeException(String message) {
    super(Response.Status.UNSUPPORTED_MEDIA_TYPE, message);
  }
}
