package org.opengms.calendar;

import java.time.Instant;

/**
 * How many callbacks are already booked in a time slot of a capacity service. The callback engine
 * implements it (it owns the callbacks); capacity checks and availability answers read it.
 */
public interface SlotBookings {

  /**
   * Callbacks not cancelled or failed whose desired time is in {@code [from, to)} and whose service
   * uses {@code capacityService} as its {@code _capacity_service}.
   */
  long booked(String capacityService, Instant from, Instant to);
}
