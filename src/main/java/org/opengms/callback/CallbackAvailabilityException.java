package org.opengms.callback;

import jakarta.ejb.ApplicationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opengms.api.error.InvalidRequestException;
import org.opengms.api.error.WireName;
import org.opengms.calendar.Slot;
import org.opengms.time.Timestamps;

/**
 * The slot of the desired time is full (400): the error body proposes other slots, {@code
 * "availability": {"<slot start>": <callbacks left>, ...}} in time order, as the reference shows.
 */
@WireName("org.opengms.callback.CallbackAvailabilityException")
@ApplicationException(rollback = true)
public class CallbackAvailabilityException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  private final LinkedHashMap<String, Long> availability;

  public CallbackAvailabilityException(Slot full, Map<Instant, Long> proposals) {
    super(
        "Too many requests at desired time ["
            + Timestamps.format(full.start())
            + ", "
            + Timestamps.format(full.end())
            + "]. Proposing time slots.");
    this.availability = AvailabilityResource.keyed(proposals);
  }

  public Map<String, Long> availability() {
    return availability;
  }

  @Override
  public Map<String, Object> extraFields() {
    return Map.of("availability", availability);
  }
}
