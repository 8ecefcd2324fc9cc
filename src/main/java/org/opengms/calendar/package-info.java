/**
 * Office hours, capacity plans and slot calendars (GMS Calendar and Capacity services): pure
 * computations of open periods and slots in a service's time zone, the availability API, and the
 * admission rules callbacks are checked against. Used by {@code callback} and {@code service}.
 */
package org.opengms.calendar;
