package org.opengms.callback;

import jakarta.ws.rs.core.Response;
import org.opengms.api.error.GmsException;
import org.opengms.api.error.WireName;

/** A callback request refused for its content or the callback's state: 400 with GMS's message. */
@WireName("org.opengms.callback.CallbackException")
public class CallbackException extends GmsException {

  private static final long serialVersionUID = 1L;

  public CallbackException(String message) {
    super(Response.Status.BAD_REQUEST, message);
  }
}
