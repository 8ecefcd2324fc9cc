package org.opengms.api.error;

/** Names, in error bodies, a failure of ours; the details stay in the server log. */
@WireName("org.opengms.api.error.InternalErrorException")
public final class InternalErrorException {

  private InternalErrorException() {}
}
