package org.opengms.callback;

import jakarta.ws.rs.core.Response;
import org.opengms.api.error.GmsException;
import org.opengms.api.error.WireName;

/** A start refused by a limit (queued cap, throttles): 503 with GMS's message. */
@WireName("org.opengms.callback.CallbackLimitException")
public class CallbackLimitException extends GmsException {

  private static final long serialVersionUID = 1L;

  public CallbackLimitException(String message) {
    super(Response.Status.SERVICE_UNAVAILABLE, message);
  }
}
