package org.opengms.callback;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.opengms.calendar.SlotBookings;

/** Capacity bookings from the callbacks table (indexed on capacity service and desired time). */
@ApplicationScoped
public class CallbackSlotBookings implements SlotBookings {

  @EJB CallbackStore store;

  @Override
  public long booked(String capacityService, Instant from, Instant to) {
    return store.booked(capacityService, from, to);
  }
}
