package org.opengms.callback;

import jakarta.ws.rs.core.Response;
import org.opengms.api.error.GmsException;

/** A start refused by a limit (queued cap, throttles): 503 with GMS's message. */
public class CallbackLimitException extends GmsException {

  private static final long serialVersionUID = 1L;

  public CallbackLimitException(String message) {
    super(Response.Status.SERVICE_UNAVAILABLE, message);
  }
}
