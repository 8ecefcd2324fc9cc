package org.opengms.phonenumber;

import jakarta.ejb.ApplicationException;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.WireName;

/** A phone number that cannot be read (400). */
@WireName("org.opengms.phonenumber.PhoneNumberException")
@ApplicationException(rollback = true)
public class PhoneNumberException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  public PhoneNumberException(String message) {
    super(message);
  }
}
