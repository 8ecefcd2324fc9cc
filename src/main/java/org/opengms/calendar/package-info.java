/**
 * Office hours and capacity plans (GMS Calendar and Capacity services): pure computations of open
 * periods and slots in a service's time zone, each service's plans parsed once per configuration
 * version ({@link org.opengms.calendar.CalendarPlans}) and the longest period a query may ask for
 * ({@link org.opengms.calendar.QueryPeriod}). It knows no feature; {@code callback} builds its
 * admission rules and availability APIs on it.
 */
package org.opengms.calendar;
