-- Capacity bookings (CallbackStore.booked, counted on every callback start of a service with a
-- time-bucket or calendar limit) read state and reason besides the service and desired time: with
-- them in the index the count reads the index alone, not each callback's row (151 -> 44 us for a
-- bucket of 49 bookings in H2, measured 2026-12-07).
drop index ix_callback_capacity;
create index ix_callback_capacity on callback (capacity_service, desired_time, state, reason);
