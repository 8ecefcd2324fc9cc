package org.opengms.calendar;

/** Option names the calendar reads from callback services. */
public final class CalendarKeys {

  public static final String BUSINESS_HOURS_SERVICE = "_business_hours_service";
  public static final String CAPACITY_SERVICE = "_capacity_service";
  public static final String REQUEST_TIME_BUCKET = "_request_time_bucket";
  public static final String MAX_REQUEST_BY_TIME_BUCKET = "_max_request_by_time_bucket";
  public static final String EXCEPTIONS = "_exceptions";
  public static final String DEFAULT_COUNTRY = "_default_country";
  public static final String DISALLOW_PREMIUM = "_disallow_premium_phone_numbers";
  public static final String DISALLOW_IMPOSSIBLE = "_disallow_impossible_phone_numbers";

  private CalendarKeys() {}
}
