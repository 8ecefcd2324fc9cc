package org.opengms.calendar;

import jakarta.ejb.ApplicationException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.WireName;

/**
 * A callback request the admission rules refuse (400): a customer number matching an exception
 * pattern or refused by the phone number options, or an office that is closed at the desired time.
 */
@WireName("org.opengms.calendar.CallbackServiceException")
@ApplicationException(rollback = true)
public class CallbackServiceException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  public CallbackServiceException(String message) {
    super(message);
  }
}
