package org.opengms.callback;

/** The {@code _callback_reason} values of COMPLETED callbacks that our engine sets itself. */
public final class CallbackReason {

  /** Cancelled by the customer ({@code DELETE}, the {@code cancel} dialog). */
  public static final String CANCELLED = "CANCELLED";

  /** Not handled within the service's {@code _ttl}. */
  public static final String FAIL_TIMEOUT_TTL = "FAIL_TIMEOUT_TTL";

  /** Could not be handed to the ORS-style execution service after every attempt. */
  public static final String SUBMIT_FAILED = "SUBMIT_FAILED";

  /** An agent completed it without naming a reason. */
  public static final String AGENT_CONNECTED = "AGENT_CONNECTED";

  /** Ended by an admin without naming a reason. */
  public static final String CANCELLED_BY_ADMIN = "CANCELLED_BY_ADMIN";

  private CallbackReason() {}
}
