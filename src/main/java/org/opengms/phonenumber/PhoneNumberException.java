package org.opengms.phonenumber;

import jakarta.ejb.ApplicationException;
import org.opengms.api.error.InvalidRequestException;

/** A phone number that cannot be read (400). */
@ApplicationException(rollback = true)
public class PhoneNumberException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  public PhoneNumberException(String message) {
    super(message);
  }
}
